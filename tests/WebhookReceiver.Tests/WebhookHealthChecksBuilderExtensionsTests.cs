using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests;

/// <summary>AddWebhooksCheck: schemes build, the in-memory nonce store's fill level.</summary>
public sealed class WebhookHealthChecksBuilderExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static Task<WebhookTestHost> StartAsync(int maxEntries = 1000)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => { },
            services =>
            {
                services.Configure<InMemoryNonceStoreOptions>(o => o.MaxEntries = maxEntries);
                services.AddHealthChecks().AddWebhooksCheck();
            });

    private static Task<HealthReport> CheckAsync(WebhookTestHost host) => host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct);

    [Fact]
    public async Task AddWebhooksCheck_FreshReceiver_IsHealthyNamingSchemesAndFill()
    {
        await using var host = await StartAsync();

        var entry = (await CheckAsync(host)).Entries["webhooks"];

        Assert.Equal(HealthStatus.Healthy, entry.Status);
        Assert.Equal("Webhook schemes: orders; in-memory nonce store 0 of 1000 keys (0%).", entry.Description);
        Assert.Equal(1000, entry.Data["nonceStore.maxEntries"]);
    }

    [Fact]
    public async Task AddWebhooksCheck_StoreFilling_IsDegradedFromEightyPercentAndUnhealthyWhenFull()
    {
        await using var host = await StartAsync(maxEntries: 5);
        var store = host.Services.GetRequiredService<IWebhookNonceStore>();
        for (var i = 0; i < 4; i++)
            await store.TryClaimAsync($"orders:msg_{i}", TimeSpan.FromMinutes(1), Ct);

        var degraded = (await CheckAsync(host)).Entries["webhooks"];
        await store.TryClaimAsync("orders:msg_4", TimeSpan.FromMinutes(1), Ct);
        var full = (await CheckAsync(host)).Entries["webhooks"];

        Assert.Equal(HealthStatus.Degraded, degraded.Status);
        Assert.Contains("4 of 5 keys (80%)", degraded.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, full.Status);
        Assert.Contains("answered 503", full.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWebhooksCheck_Default_IsTaggedReady()
    {
        await using var host = await StartAsync();

        var registration = host.Services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Single(r => r.Name == "webhooks");

        Assert.Contains("ready", registration.Tags);
    }

    [Fact]
    public async Task AddWebhooksCheck_WithoutAddWebhooks_ThrowsNamingWhatIsMissing()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddHealthChecks().AddWebhooksCheck();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => app.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(Ct));

        Assert.Contains("AddWebhooks()", error.Message, StringComparison.Ordinal);
    }
}
