using System.Text;
using Microsoft.AspNetCore.Http;

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
        var secret = SigningSecret(provider);
        var scheme = provider.CreateScheme(secret);
        WebhookRequestBuilder Builder() => new WebhookRequestBuilder(provider, secret).To($"https://example.test/webhooks/{id}")
            .WithBody("""{"id":"evt_1","type":"test.event","data":{"n":1}}""").WithEventType("test.event").WithTimestamp(Now);

        var valid = Verify(scheme, Builder().Sign());
        Assert.True(valid.Succeeded, $"{id}: {valid}");
        Assert.False(Verify(scheme, Builder().WithWrongSecret().Sign()).Succeeded, "wrong secret");
        Assert.False(Verify(scheme, Builder().WithTamperedBody().Sign()).Succeeded, "tampered body");
        var signed = Builder().Sign();
        foreach (var (name, _) in signed.Headers)
            Assert.False(Verify(scheme, signed with { Headers = [.. signed.Headers.Where(h => h.Key != name)] }).Succeeded, $"missing {name}");
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

    private static string SigningSecret(WebhookProvider provider)
    {
        var vectors = Path.Combine(AppContext.BaseDirectory, "Vectors", provider.Id + ".json");
        Assert.True(File.Exists(vectors), $"provider '{provider.Id}' needs published vectors in tests/Vectors");
        foreach (var line in File.ReadLines(vectors, Encoding.UTF8).Where(l => l.Contains("\"secret\"", StringComparison.Ordinal)))
        {
            var secret = line.Split('"')[3];
            try
            {
                provider.CreateScheme(secret).Sign(new WebhookSigningRequest { Body = "{}"u8.ToArray(), Timestamp = Now, Url = "https://example.test/" });
                return secret;
            }
            catch (Exception e) when (e is InvalidOperationException or FormatException)
            {
            }
        }
        Assert.Fail($"provider '{provider.Id}' has no vector secret that signs; give its vectors a signing key");
        return "";
    }
}
