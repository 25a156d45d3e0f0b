using Microsoft.AspNetCore.Http;
using WebhookReceiver.Cli.Samples;

namespace WebhookReceiver.Cli.Tests.Samples;

public sealed class FreshDeliveryIdsTests
{
    /// <summary>The id the receiver reads from <paramref name="body"/> once it is signed.</summary>
    private static string? DeliveryId(WebhookScheme scheme, byte[] body)
    {
        var now = TimeProvider.System.GetUtcNow();
        var signed = scheme.Sign(new WebhookSigningRequest { Body = body, Url = "https://localhost/", Timestamp = now });
        var headers = new HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;
        return scheme.Verify(new WebhookRequest("POST", signed.Url, headers, signed.Body), now).Delivery?.Whole.Id.Value;
    }

    [Theory]
    [InlineData("stripe", "invoice.paid")]
    [InlineData("square", null)]
    public void Refresh_BodyCarriesTheId_EverySendIsANewDelivery(string providerId, string? sampleName)
    {
        var provider = WebhookProviders.Find(providerId)!;
        var options = provider.CreateOptions();
        options.Secret = "test_secret_0123456789abcdef";
        var scheme = provider.CreateScheme("test", options);
        var sample = sampleName is null ? WebhookSampleCatalog.For(providerId)[0] : WebhookSampleCatalog.Find(providerId, sampleName)!;
        var original = sample.GetBody();

        var first = FreshDeliveryIds.Refresh(scheme, original);
        var second = FreshDeliveryIds.Refresh(scheme, original);

        var ids = new[] { DeliveryId(scheme, original), DeliveryId(scheme, first), DeliveryId(scheme, second) };
        Assert.All(ids, id => Assert.False(string.IsNullOrEmpty(id)));
        Assert.Equal(3, ids.Distinct().Count());
        Assert.StartsWith(ids[0]![..4], ids[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Refresh_IdComesFromAHeader_BodyUnchanged()
    {
        var options = GitHubScheme.Provider.CreateOptions();
        options.Secret = "s";
        var scheme = GitHubScheme.Provider.CreateScheme("github", options);
        var body = WebhookSampleCatalog.For("github")[0].GetBody();

        Assert.Same(body, FreshDeliveryIds.Refresh(scheme, body));
    }
}
