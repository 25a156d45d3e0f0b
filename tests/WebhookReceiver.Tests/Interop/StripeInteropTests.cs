namespace WebhookReceiver.Tests.Interop;

/// <summary>stripe (npm): <c>webhooks.generateTestHeaderString</c> signs, <c>webhooks.constructEvent</c> verifies.</summary>
public sealed class StripeInteropTests : NpmInteropTests
{
    protected override string Package => "stripe";

    protected override string NpmPackage => "stripe";

    public override WebhookProvider Provider => StripeScheme.Provider;

    protected override string SigningSecret => "whsec_interop_8f3b2c1d9e7a6f5b4c3d2e1f0a9b8c7d";

    protected override string SignatureHeader => StripeDefaults.SignatureHeader;
}
