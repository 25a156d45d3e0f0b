using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>The start-up log says which webhook endpoints were mapped, one line each.</summary>
public sealed class WebhookEndpointReporterTests
{
    [Fact]
    public async Task Startup_MapWebhookEndpoints_LogsOneLinePerEndpointWithSchemeAndProvider()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret)
                .AddMeta("meta", o => { o.Secret = "meta-app-secret"; o.VerifyToken = "token"; }),
            app =>
            {
                app.MapWebhook<OrderEvent>(StandardDelivery.Path, "orders", (_, _) => Task.CompletedTask);
                app.MapWebhook("/webhooks/meta", "meta");
                app.MapGet("/health", () => "ok");
            });

        var lines = host.Logs.Entries.Where(e => e.Id.Id == 40).Select(e => e.Message).ToArray();

        Assert.Equal(
            ["Webhook endpoint POST /webhooks/orders verified by scheme orders (standard-webhooks)",
             "Webhook endpoint POST, GET /webhooks/meta verified by scheme meta (meta)"],
            lines);
    }

    [Fact]
    public async Task Startup_VerifyWebhookAction_LogsItsRouteAndScheme()
    {
        await using var host = await WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret).AddHubSpot("hs", o => o.Secret = "hubspot-client-secret"),
            app => app.MapControllers(),
            services => services.AddSingleton<HandlerProbe>().AddScoped<ScopedMarker>()
                .AddControllers().AddApplicationPart(typeof(OrdersWebhookController).Assembly));

        Assert.Contains("Webhook endpoint POST /webhooks/orders verified by scheme orders (standard-webhooks)",
            host.Logs.Entries.Where(e => e.Id.Id == 40).Select(e => e.Message));
    }
}
