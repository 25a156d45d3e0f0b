namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// discord-interactions: <c>verifyKey</c> (hex Ed25519 over <c>{timestamp}{body}</c>, the application's public key) verifies
/// ours. The package has no signer: the deliveries sent to our receiver are signed by node's own Ed25519 with the same seed.
/// </summary>
public sealed class DiscordInteropTests : NpmInteropTests
{
    private static readonly string PrivateKey = DiscordScheme.Provider.CreateSigningSecret();

    protected override string Package => "discord";

    protected override string NpmPackage => "discord-interactions";

    public override WebhookProvider Provider => DiscordScheme.Provider;

    /// <summary>Our format: the 32-byte seed then the public key, 128 hex characters.</summary>
    protected override string SigningSecret => PrivateKey;

    protected override string VerifyingSecret => PrivateKey[64..];

    protected override string? SdkPublicKey => PrivateKey[64..];

    protected override string SignatureHeader => DiscordDefaults.SignatureHeader;

    protected override string Body => """{"id":"1100000000000000001","application_id":"42","type":2,"data":{"name":"pay","options":[{"name":"amount","value":1250},{"name":"note","value":"café ✓"}]},"token":"interaction-token"}""";

    protected override string? EventType => "2";

    protected override string? ExpectedDeliveryId(string id) => "1100000000000000001";
}
