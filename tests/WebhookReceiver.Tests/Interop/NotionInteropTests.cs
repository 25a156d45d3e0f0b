namespace WebhookReceiver.Tests.Interop;

/// <summary>
/// @notionhq/client: <c>signWebhookPayload</c> signs and <c>verifyWebhookSignature</c> verifies
/// (<c>X-Notion-Signature: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the body keyed with the verification token).
/// </summary>
public sealed class NotionInteropTests : NpmInteropTests
{
    protected override string Package => "notion";

    protected override string NpmPackage => "@notionhq/client";

    public override WebhookProvider Provider => NotionScheme.Provider;

    protected override string SigningSecret => "secret_interopNotionVerificationToken0123456789";

    protected override string SignatureHeader => NotionDefaults.SignatureHeader;
}
