namespace WebhookReceiver.Internal;

/// <summary>
/// Failures of schemes that sign the URL the provider called: they name the URL that was checked, so a proxy or load
/// balancer rewriting it shows up plainly in the log and in <c>webhook verify</c> instead of as a mystery 401.
/// </summary>
internal static class UrlSignature
{
    public static WebhookVerificationResult NoUrl(string provider) => WebhookVerificationResult.Fail(WebhookVerificationFailure.UrlMismatch,
        $"{provider} signs the URL it calls, but no URL was given to verify against");

    public static WebhookVerificationResult Mismatch(string url) => WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch,
        $"signature does not match URL {LogValue.Escape(url)} with the configured secret(s) (if the provider calls a different address, e.g. behind a proxy, set PublicBaseUrl or use UseForwardedHeaders)");
}
