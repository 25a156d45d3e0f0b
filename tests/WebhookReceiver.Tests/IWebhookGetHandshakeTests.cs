using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Primitives;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests;

public sealed class IWebhookGetHandshakeTests
{
    [Fact]
    public void AnswerGetWithHeaders_NotImplemented_AnswersFromTheQueryAlone()
    {
        IWebhookGetHandshake handshake = new QueryOnly();
        var headers = new HeaderDictionary { ["X-Anything"] = "1" };

        var answer = handshake.AnswerGet([new("q", "echo-me")], headers);

        Assert.Equal("echo-me", Encoding.UTF8.GetString(answer!.Body.Span));
        Assert.Null(handshake.AnswerGet([], headers));
    }

    [Fact]
    public async Task Endpoint_GetOfASchemeWithAQueryHandshake_StillAnswersFromTheQuery()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddMeta("meta", o =>
            {
                o.Secret = "app-secret";
                o.VerifyToken = "verify-me";
            }),
            app => app.MapWebhook("/webhooks/meta", "meta", (Webhook<System.Text.Json.JsonElement> hook, CancellationToken ct) => Task.CompletedTask));

        var response = await host.Client.GetAsync("http://localhost/webhooks/meta?hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=1158201444",
            TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("1158201444", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private sealed class QueryOnly : IWebhookGetHandshake
    {
        public WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query)
            => query.FirstOrDefault(p => p.Key == "q").Value is { Count: 1 } q
                ? new WebhookHandshakeResponse(200, "text/plain", Encoding.UTF8.GetBytes(q[0]!))
                : null;
    }
}
