namespace WebhookReceiver;

/// <summary>Names and defaults of the Notion scheme.</summary>
public static class NotionDefaults
{
    /// <summary>The provider id and default scheme name: <c>notion</c>.</summary>
    public const string ProviderId = "notion";

    /// <summary>The signature header: <c>sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the body keyed with the verification token.</summary>
    public const string SignatureHeader = "X-Notion-Signature";

    /// <summary>The prefix of the signature in <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "sha256=";

    /// <summary>The only property of the unsigned verification request's body.</summary>
    public const string VerificationTokenProperty = "verification_token";

    /// <summary>The largest body read as a verification request: 1024 bytes.</summary>
    public const int MaxVerificationRequestSize = 1024;

    /// <summary>The longest verification token passed on: 256 characters.</summary>
    public const int MaxVerificationTokenLength = 256;

    /// <summary>The tolerance: Notion's body <c>timestamp</c> is when the event happened (retries keep it), so none is checked; it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
