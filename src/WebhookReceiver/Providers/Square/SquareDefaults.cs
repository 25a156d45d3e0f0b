namespace WebhookReceiver;

/// <summary>Names and defaults of the Square scheme.</summary>
public static class SquareDefaults
{
    /// <summary>The provider id and default scheme name: <c>square</c>.</summary>
    public const string ProviderId = "square";

    /// <summary>The signature header: base64 HMAC-SHA256 over <c>{notification URL}{body}</c>.</summary>
    public const string SignatureHeader = "x-square-hmacsha256-signature";

    /// <summary>Square signs no timestamp; the tolerance only sets the floor of the replay retention: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
