namespace WebhookReceiver;

/// <summary>Names and defaults of the Microsoft Teams outgoing-webhook scheme.</summary>
public static class TeamsDefaults
{
    /// <summary>The provider id and default scheme name: <c>teams</c>.</summary>
    public const string ProviderId = "teams";

    /// <summary>The signature header: <c>Authorization: HMAC &lt;base64&gt;</c>.</summary>
    public const string SignatureHeader = "Authorization";

    /// <summary>The prefix of the signature in <see cref="SignatureHeader"/>: <c>HMAC </c> (with its space).</summary>
    public const string SignaturePrefix = "HMAC ";
}
