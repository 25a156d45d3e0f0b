namespace WebhookReceiver;

/// <summary>Names and defaults of the Dropbox scheme.</summary>
public static class DropboxDefaults
{
    /// <summary>The provider id and default scheme name: <c>dropbox</c>.</summary>
    public const string ProviderId = "dropbox";

    /// <summary>The signature header: hex HMAC-SHA256 of the body, keyed with the app secret.</summary>
    public const string SignatureHeader = "X-Dropbox-Signature";

    /// <summary>The query parameter of the GET verification request holding the challenge to echo.</summary>
    public const string ChallengeParameter = "challenge";

    /// <summary>The longest challenge echoed back: 1024 characters.</summary>
    public const int MaxChallengeLength = 1024;

    /// <summary>The tolerance: Dropbox signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
