using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The GitHub scheme: <c>X-Hub-Signature-256: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the body with the webhook secret
/// (the legacy SHA-1 <c>X-Hub-Signature</c> only when enabled). The delivery id is <c>X-GitHub-Delivery</c>, the event type
/// <c>X-GitHub-Event</c>; the <c>ping</c> event is acknowledged by the library. GitHub signs no timestamp: replay
/// protection rests on the delivery id.
/// </summary>
public sealed class GitHubScheme : HmacWebhookScheme
{
    private static readonly HmacSignatureSource Sha256 = new(GitHubDefaults.SignatureHeader, GitHubDefaults.SignaturePrefix,
        WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex);

    private static readonly HmacSignatureSource LegacySha1 = new(GitHubDefaults.LegacySignatureHeader, GitHubDefaults.LegacySignaturePrefix,
        WebhookHmacAlgorithm.Sha1, WebhookSignatureEncoding.Hex);

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public GitHubScheme(string name, GitHubOptions options)
        : base(name, options, Spec(options))
    {
    }

    /// <summary>Gets the provider descriptor (id <c>github</c>).</summary>
    public static WebhookProvider<GitHubOptions> Provider { get; } = new(
        GitHubDefaults.ProviderId, "GitHub",
        static (name, options) => new GitHubScheme(name, options),
        static (section, options) => section.Bind(options));

    private static HmacSchemeSpec Spec(GitHubOptions options) => new()
    {
        Signatures = options?.AllowLegacySha1 == true ? [Sha256, LegacySha1] : [Sha256],
        DeliveryId = HmacValueSource.FromHeader(GitHubDefaults.DeliveryIdHeader),
        EventType = HmacValueSource.FromHeader(GitHubDefaults.EventHeader),
        PingEventType = GitHubDefaults.PingEvent,
        MissingSignatureHint = options?.AllowLegacySha1 == true
            ? null
            : $" (the legacy {GitHubDefaults.LegacySignatureHeader}, SHA-1, is accepted only with AllowLegacySha1)",
    };
}
