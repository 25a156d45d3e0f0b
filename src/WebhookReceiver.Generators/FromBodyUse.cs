namespace WebhookReceiver.Generators;

/// <summary>A [FromBody] parameter found on a [VerifyWebhook] action.</summary>
/// <param name="Parameter">The parameter's name.</param>
/// <param name="Method">The action's name.</param>
/// <param name="Location">Where to report it.</param>
internal sealed record FromBodyUse(string Parameter, string Method, LocationInfo? Location);
