namespace WebhookReceiver;

/// <summary>Names and defaults of the Standard Webhooks scheme (standardwebhooks.com).</summary>
public static class StandardWebhooksDefaults
{
    /// <summary>The provider id and default scheme name: <c>standard-webhooks</c>.</summary>
    public const string ProviderId = "standard-webhooks";

    /// <summary>The delivery id header.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The signature header: space-separated <c>v1,&lt;base64&gt;</c> / <c>v1a,&lt;base64&gt;</c> entries.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>Svix's name for <see cref="IdHeader"/>, accepted as well.</summary>
    public const string SvixIdHeader = "svix-id";

    /// <summary>Svix's name for <see cref="TimestampHeader"/>, accepted as well.</summary>
    public const string SvixTimestampHeader = "svix-timestamp";

    /// <summary>Svix's name for <see cref="SignatureHeader"/>, accepted as well.</summary>
    public const string SvixSignatureHeader = "svix-signature";

    /// <summary>The prefix of HMAC secrets.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>The prefix of Ed25519 public keys.</summary>
    public const string PublicKeyPrefix = "whpk_";

    /// <summary>The prefix of Ed25519 private (signing) keys.</summary>
    public const string PrivateKeyPrefix = "whsk_";

    /// <summary>The default timestamp tolerance: 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
