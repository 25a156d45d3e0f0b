namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @octokit/webhooks-methods: <c>sign</c> makes <c>X-Hub-Signature-256</c>, <c>verify</c> checks ours. GitHub sends the
/// delivery id and event unsigned beside it; the SDK-signed deliveries carry them as GitHub would.
/// </summary>
public sealed class OctokitInteropTests : NpmInteropTests
{
    protected override string Package => "octokit";

    protected override string NpmPackage => "@octokit/webhooks-methods";

    public override WebhookProvider Provider => GitHubScheme.Provider;

    protected override string SigningSecret => "It's a Secret to Everybody";

    protected override string SignatureHeader => GitHubDefaults.SignatureHeader;

    protected override string? EventType => "push";

    protected override string? ExpectedDeliveryId(string id) => id;

    protected override IEnumerable<KeyValuePair<string, string>> UnsignedHeaders(string id) =>
    [
        new(GitHubDefaults.DeliveryIdHeader, id),
        new(GitHubDefaults.EventHeader, "push"),
    ];
}
