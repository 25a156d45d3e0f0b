using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Microsoft Teams outgoing-webhook scheme: <c>Authorization: HMAC &lt;base64&gt;</c>, HMAC-SHA256 over the exact body
/// bytes, keyed with the base64-decoded security token. Teams signs no timestamp and sends no id header: the delivery id
/// and the event type are the activity's <c>id</c> and <c>type</c> (e.g. <c>message</c>), both signed with the body.
/// Teams shows the handler's reply in the channel (<see cref="Webhook.Respond"/> with a message activity, e.g.
/// <c>{"type":"message","text":"..."}</c>), so the scheme refuses inbox mode.
/// </summary>
public sealed class TeamsScheme : HmacWebhookScheme
{
    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(TeamsDefaults.SignatureHeader, TeamsDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Base64)],
        Base64Secrets = true,
    };

    /// <summary>Builds the scheme, decoding its base64 tokens; throws <see cref="FormatException"/> for a token that is not base64.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public TeamsScheme(string name, TeamsOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>teams</c>).</summary>
    public static WebhookProvider<TeamsOptions> Provider { get; } = new(
        TeamsDefaults.ProviderId, "Microsoft Teams",
        static (name, options) => new TeamsScheme(name, options),
        static (section, options) => section.Bind(options),
        static () => Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));

    /// <summary>Its provider reads the handler's reply (the message shown in the channel), so the inbox cannot serve it.</summary>
    internal override bool RepliesSynchronously => true;

    /// <summary>Reads the activity's signed <c>id</c> and <c>type</c>; Teams expects the handler's reply.</summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        if (!JsonEnvelopeReader.TryRead(request.Body.Span, "id"u8, "type"u8, out var id, out var type))
            return null;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), request.Body))
        {
            ExpectsReply = true,
        };
    }
}
