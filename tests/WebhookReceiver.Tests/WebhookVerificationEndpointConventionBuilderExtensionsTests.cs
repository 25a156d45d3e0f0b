using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests;

/// <summary><c>app.MapPost(...).AddWebhookVerification(scheme)</c>: the MapWebhook pipeline around a minimal-API endpoint of your own.</summary>
public sealed class WebhookVerificationEndpointConventionBuilderExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookTestHost> StartAsync(Action<WebApplication> map)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            map,
            services => services.AddSingleton<HandlerProbe>());

    private static async Task<(HttpStatusCode Status, string Body)> SendAsync(WebhookTestHost host, HttpRequestMessage request)
    {
        var response = await host.Client.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task SignedDelivery_HandlerWithServicesRunsOnceOnTheVerifiedPayload()
    {
        await using var host = await StartAsync(app => app.MapPost(StandardDelivery.Path,
                (Webhook<OrderEvent> hook, HandlerProbe probe) => probe.Record($"{hook.Payload.Data?.OrderId} {hook.DeliveryId} {hook.Event.Id.IsSigned}"))
            .AddWebhookVerification("orders"));
        var now = host.Time.GetUtcNow();

        var first = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(orderId: "o-7"), "msg_7"));
        var replay = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(orderId: "o-7"), "msg_7"));
        var forged = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(orderId: "o-8"), "msg_8", StandardDelivery.OtherSecret));

        Assert.Equal((HttpStatusCode.OK, """{"status":"processed"}"""), first);
        Assert.Equal((HttpStatusCode.OK, """{"status":"duplicate"}"""), replay);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.Status);
        Assert.Equal(["o-7 msg_7 True"], host.Services.GetRequiredService<HandlerProbe>().Seen);
    }

    [Fact]
    public async Task HandlerResult_IsTheAnswerAndCompletesTheClaim()
    {
        await using var host = await StartAsync(app => app.MapPost(StandardDelivery.Path,
                (Webhook<OrderEvent> hook) => TypedResults.Text($"got {hook.Payload.Data?.OrderId}"))
            .AddWebhookVerification("orders"));
        var now = host.Time.GetUtcNow();

        var first = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), "msg_1"));
        var replay = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), "msg_1"));

        Assert.Equal((HttpStatusCode.OK, "got o-1"), first);
        Assert.Equal((HttpStatusCode.OK, """{"status":"duplicate"}"""), replay);
    }

    [Fact]
    public async Task HandlerThrowsOrDeclines_Answers500OrItsStatusAndTheRetryIsProcessed()
    {
        var attempts = 0;
        await using var host = await StartAsync(app => app.MapPost(StandardDelivery.Path, (Webhook<OrderEvent> hook) =>
            {
                attempts++;
                return attempts switch
                {
                    1 => throw new InvalidOperationException("database down"),
                    2 => Results.StatusCode(StatusCodes.Status422UnprocessableEntity),
                    _ => Results.Empty,
                };
            })
            .AddWebhookVerification("orders"));
        var now = host.Time.GetUtcNow();

        var failed = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), "msg_1"));
        var declined = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), "msg_1"));
        var retried = await SendAsync(host, StandardDelivery.Create(now, StandardDelivery.OrderBody(), "msg_1"));

        Assert.Equal(HttpStatusCode.InternalServerError, failed.Status);
        Assert.DoesNotContain("database down", failed.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, declined.Status);
        Assert.Equal((HttpStatusCode.OK, """{"status":"processed"}"""), retried);
        Assert.Equal(3, attempts);
    }

    [Fact]
    public async Task MalformedPayload_Answers400WithoutRunningTheHandler()
    {
        var runs = 0;
        await using var host = await StartAsync(app => app.MapPost(StandardDelivery.Path, (Webhook<OrderEvent> hook) => runs++)
            .AddWebhookVerification("orders"));

        var answer = await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), """{"type":"order.created","data":"not an object"}"""));

        Assert.Equal(HttpStatusCode.BadRequest, answer.Status);
        Assert.Equal(0, runs);
    }

    [Fact]
    public async Task FromBodyParameter_StopsTheAppAtStartUp()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => StartAsync(app => app.MapPost(StandardDelivery.Path,
            ([FromBody] OrderEvent order) => Results.Ok()).AddWebhookVerification("orders")));

        Assert.Contains("binds a parameter from the request body", error.Message, StringComparison.Ordinal);
        Assert.Contains("Webhook<T>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownScheme_StopsTheAppAtStartUp()
    {
        var error = await Assert.ThrowsAnyAsync<InvalidOperationException>(() => StartAsync(app => app.MapPost(StandardDelivery.Path,
            (Webhook<OrderEvent> hook) => Results.Ok()).AddWebhookVerification("nope")));

        Assert.Contains("nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WebhookParameterWithoutVerification_ThrowsOnUseInsteadOfExposingUnverifiedData()
    {
        Exception? seen = null;
        await using var host = await StartAsync(app => app.MapPost(StandardDelivery.Path, (Webhook<OrderEvent> hook) =>
        {
            seen = Record.Exception(() => hook.Payload);
            return Results.Ok();
        }));

        await SendAsync(host, StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody()));

        Assert.Contains("AddWebhookVerification", Assert.IsType<InvalidOperationException>(seen).Message, StringComparison.Ordinal);
    }
}
