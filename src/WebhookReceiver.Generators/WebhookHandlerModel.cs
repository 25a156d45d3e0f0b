namespace WebhookReceiver.Generators;

/// <summary>What the generator learned about one [WebhookHandler] class (equatable, for incremental caching).</summary>
/// <param name="TypeName">The fully qualified type name (<c>global::</c>…).</param>
/// <param name="PayloadType">The fully qualified payload type, or null when none or several.</param>
/// <param name="Problem">The diagnostic to report instead of registering, or null.</param>
/// <param name="ProblemArgument">The second message argument of <paramref name="Problem"/>.</param>
/// <param name="Events">The attributes' scheme and event type pairs, each <c>scheme\nevent</c>, joined by <c>\r</c>.</param>
/// <param name="Location">Where to report diagnostics.</param>
internal sealed record WebhookHandlerModel(
    string TypeName,
    string? PayloadType,
    string? Problem,
    string? ProblemArgument,
    string Events,
    LocationInfo? Location);
