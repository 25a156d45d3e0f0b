namespace WebhookReceiver.Internal;

internal sealed class WebhookVerifier(WebhookSchemeRegistry registry, TimeProvider time) : IWebhookVerifier
{
    public WebhookVerificationResult Verify(string scheme, in WebhookRequest request)
        => GetScheme(scheme).Verify(request, time.GetUtcNow());

    public WebhookScheme GetScheme(string scheme) => registry.GetHandle(scheme).Current;
}
