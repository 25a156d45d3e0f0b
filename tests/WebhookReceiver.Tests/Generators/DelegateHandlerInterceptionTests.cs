using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Internal;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Generators;

/// <summary>
/// Delegate handlers in this project are intercepted by WebhookReceiver.Generators (referenced as an analyzer, with the
/// package's build/WebhookReceiver.targets): their parameters are bound by generated code, registered through the typed
/// overload, never by RequestDelegateFactory.
/// </summary>
public sealed class DelegateHandlerInterceptionTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MapWebhook_LambdaWithServices_IsBoundByGeneratedCodeAndRuns()
    {
        var log = new OrderLog();
        var audit = new OrderLog();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders",
                (Webhook<OrderEvent> hook, OrderLog orders, [FromKeyedServices("audit")] OrderLog auditLog, HttpContext http, CancellationToken ct) =>
                {
                    orders.Seen.Add(hook.Payload.Data!.OrderId!);
                    auditLog.Seen.Add(http.Request.Path + (ct.CanBeCanceled ? " cancellable" : ""));
                    return ValueTask.CompletedTask;
                }),
            services => services.AddSingleton(log).AddKeyedSingleton("audit", audit));

        var response = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), StandardDelivery.OrderBody(orderId: "o-7")), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"processed"}""", await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal(["o-7"], log.Seen);
        Assert.Equal([StandardDelivery.Path + " cancellable"], audit.Seen);
        Assert.Equal(typeof(TypedWebhookHandler<OrderEvent>), Assert.Single(Handlers(host)).GetType());
    }

    [Fact]
    public async Task OnAndOnAny_MethodGroupAndVoidLambda_AreBoundByGeneratedCode()
    {
        var log = new OrderLog();
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders")
                .On("order.created", Record)
                .OnAny((Webhook<OrderEvent> hook, OrderLog orders) => orders.Seen.Add("any:" + hook.EventType)),
            services => services.AddSingleton(log));
        var now = host.Time.GetUtcNow();

        await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody("order.created", "a"), id: "1"), Ct);
        await host.Client.SendAsync(StandardDelivery.Create(now, StandardDelivery.OrderBody("order.paid", "b"), id: "2"), Ct);

        Assert.Equal(["created:a (no missing service)", "any:order.paid"], log.Seen);
        Assert.All(Handlers(host), h => Assert.Equal(typeof(TypedWebhookHandler<OrderEvent>), h.GetType()));
    }

    [Fact]
    public async Task DelegateWithPrivateServiceType_IsLeftToReflection()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders", (Webhook<OrderEvent> hook, HiddenService hidden) => Task.CompletedTask),
            services => services.AddSingleton<HiddenService>());

        Assert.Equal(typeof(DelegateWebhookHandler<OrderEvent>), Assert.Single(Handlers(host)).GetType());
    }

    private static Task Record(Webhook<OrderEvent> hook, OrderLog orders, IMissingService? missing = null)
    {
        orders.Seen.Add($"created:{hook.Payload.Data!.OrderId} ({(missing is null ? "no missing service" : "missing service found")})");
        return Task.CompletedTask;
    }

    private static IEnumerable<WebhookHandlerRegistration> Handlers(WebhookTestHost host) =>
        host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .Select(e => e.Metadata.GetMetadata<WebhookDispatcher>())
            .OfType<WebhookDispatcher>()
            .SelectMany(d => d.Handlers);

    internal sealed class OrderLog
    {
        public List<string> Seen { get; } = [];
    }

    internal interface IMissingService;

    private sealed class HiddenService;
}
