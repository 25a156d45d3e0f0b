using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>Handlers may answer the provider themselves (Discord interactions, TwiML, Slack commands).</summary>
public sealed class WebhookReplyTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Respond_ReplacesTheProcessedBody_ButAReplayIsStillADuplicate()
    {
        var runs = 0;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (hook, _) =>
            {
                runs++;
                hook.Respond(TypedResults.Text("accepted " + hook.Payload.Data!.OrderId, "text/plain", Encoding.UTF8, 202));
                return Task.CompletedTask;
            }));
        var now = host.Time.GetUtcNow();

        var first = await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(orderId: "o-7")), Ct);
        var replay = await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody(orderId: "o-7")), Ct);

        Assert.Equal(HttpStatusCode.Accepted, first.StatusCode);
        Assert.Equal("accepted o-7", await first.Content.ReadAsStringAsync(Ct));
        Assert.Equal("""{"status":"duplicate"}""", await replay.Content.ReadAsStringAsync(Ct));
        Assert.Equal(1, runs);
    }

    [Fact]
    public async Task Respond_ThenThrow_Answers500AndReleases()
    {
        var runs = 0;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (hook, _) =>
            {
                hook.Respond(TypedResults.Ok());
                if (++runs == 1)
                    throw new InvalidOperationException("after replying");
                return Task.CompletedTask;
            }));
        var now = host.Time.GetUtcNow();

        var first = await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody()), Ct);
        var retry = await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody()), Ct);

        Assert.Equal(HttpStatusCode.InternalServerError, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Equal(2, runs);
    }

    [Fact]
    public async Task SlackSlashCommand_IsAcknowledgedWithAnEmpty200_AndAReplyReplacesIt()
    {
        const string secret = "8f742231b10e8888abcd99yyyzzz85a5";
        string? command = null;
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddSlack("slack", o => o.Secret = secret),
            app => app.MapWebhook("/slack", "slack")
                .On<SlackSlashCommand>("/deploy", (hook, _) => { command = hook.Payload.Text; return Task.CompletedTask; })
                .On<SlackSlashCommand>("/status", (hook, _) => { hook.Respond(TypedResults.Text("all green")); return Task.CompletedTask; }));
        var scheme = SlackScheme.Provider.CreateScheme("slack", new SlackOptions { Secret = secret });

        HttpRequestMessage Command(string name, string text) => scheme.Sign(new WebhookSigningRequest
        {
            Body = Encoding.UTF8.GetBytes($"command={Uri.EscapeDataString(name)}&text={text}&trigger_id={Guid.NewGuid():N}"),
            Timestamp = host.Time.GetUtcNow(),
        }).ToHttpRequest("http://localhost/slack", "application/x-www-form-urlencoded");

        var deploy = await host.Client.SendAsync(Command("/deploy", "prod"), Ct);
        var status = await host.Client.SendAsync(Command("/status", "now"), Ct);

        Assert.Equal(HttpStatusCode.OK, deploy.StatusCode);
        Assert.Equal("", await deploy.Content.ReadAsStringAsync(Ct));
        Assert.Equal("prod", command);
        Assert.Equal("all green", await status.Content.ReadAsStringAsync(Ct));
    }
}
