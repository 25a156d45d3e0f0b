using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// The one spelling of an outcome outside the code: lower-case kebab (<c>processed</c>, <c>in-flight</c>,
/// <c>too-large</c>), the <c>webhook.outcome</c> value of metrics and spans alike and the <c>outcome</c> of captures.
/// </summary>
internal static class WebhookOutcomeNames
{
    private static readonly string[] Names = Enum.GetNames<WebhookOutcome>().Select(JsonNamingPolicy.KebabCaseLower.ConvertName).ToArray();

    /// <summary>Gets the name of <paramref name="outcome"/>, without allocating.</summary>
    public static string Of(WebhookOutcome outcome) => Names[(int)outcome];
}
