using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers.StandardWebhooks;

public sealed class StandardWebhooksSchemeTests
{
    public static TheoryData<VectorCase> Vectors => VectorFile.Theory("standard-webhooks");

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Verify_PublishedVector_MatchesExpectedValidity(VectorCase vector)
    {
        var scheme = new StandardWebhooksScheme("test", new StandardWebhooksOptions { Secret = vector.Secret });
        var headers = new HeaderDictionary();
        foreach (var (name, value) in vector.Headers)
            headers[name] = value;
        var request = new WebhookRequest(vector.Method, vector.Url, headers, Encoding.UTF8.GetBytes(vector.Body));

        var result = scheme.Verify(request, DateTimeOffset.FromUnixTimeSeconds(vector.Now!.Value));

        Assert.Equal(vector.Valid, result.Succeeded);
    }
}
