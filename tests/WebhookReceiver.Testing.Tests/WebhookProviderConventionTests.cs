using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Testing.Tests;

/// <summary>
/// Every provider of <see cref="WebhookProviders.All"/>, including the ones added later, is available in the Testing
/// package: the builder's signature verifies with the provider's own scheme and every negative case is refused.
/// </summary>
public sealed class WebhookProviderConventionTests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 15, 10, 30, 0, TimeSpan.Zero);

    public static TheoryData<string> Providers => new(WebhookProviders.All.Select(p => p.Id));

    [Theory]
    [MemberData(nameof(Providers))]
    public void Builder_EveryCatalogProvider_SignsWhatItsSchemeVerifiesAndEveryNegativeCaseFails(string id)
    {
        var provider = WebhookProviders.Find(id)!;
        var secret = ProviderTestSecrets.SecretFor(provider);
        var scheme = ProviderTestSecrets.CreateScheme(provider, secret);
        WebhookRequestBuilder Builder() => new WebhookRequestBuilder(provider, secret, ProviderTestSecrets.SettingPairs(provider)).To($"https://example.test/webhooks/{id}")
            .WithBody(ProviderTestSecrets.GenericBody(provider)).WithEventType("test.event").WithTimestamp(Now);

        var valid = Verify(scheme, Builder().Sign());
        Assert.True(valid.Succeeded, $"{id}: {valid}");
        Assert.False(Verify(scheme, Builder().WithWrongSecret().Sign()).Succeeded, "wrong secret");
        if (ProviderTestSecrets.SignsBody(scheme))
            Assert.False(Verify(scheme, Builder().WithTamperedBody().Sign()).Succeeded, "tampered body");
        var signed = Builder().Sign();
        if (signed.Headers.Count > 0)   // Mailgun signs inside the body
            Assert.Contains(signed.Headers, header => !Verify(scheme, signed with { Headers = [.. signed.Headers.Where(h => h.Key != header.Key)] }).Succeeded);
        if (valid.Timestamp is not null)
        {
            Assert.False(Verify(scheme, Builder().WithStaleTimestamp().Sign()).Succeeded, "stale timestamp");
            Assert.False(Verify(scheme, Builder().WithFutureTimestamp().Sign()).Succeeded, "future timestamp");
        }
    }

    private static WebhookVerificationResult Verify(WebhookScheme scheme, WebhookSignedRequest signed)
    {
        var headers = new HeaderDictionary { ["Content-Type"] = "application/json" };
        foreach (var (name, value) in signed.Headers)
            headers.Append(name, value);
        return scheme.Verify(new WebhookRequest(signed.Method, signed.Url, headers, signed.Body), Now);
    }
}
