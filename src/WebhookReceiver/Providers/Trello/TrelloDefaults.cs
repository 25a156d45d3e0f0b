namespace WebhookReceiver;

/// <summary>Names and defaults of the Trello scheme.</summary>
public static class TrelloDefaults
{
    /// <summary>The provider id and default scheme name: <c>trello</c>.</summary>
    public const string ProviderId = "trello";

    /// <summary>The signature header: base64 HMAC-SHA1 of the body followed by the webhook's callback URL, keyed with the application secret.</summary>
    public const string SignatureHeader = "X-Trello-Webhook";

    /// <summary>The tolerance: Trello signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
