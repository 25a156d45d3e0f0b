using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WebhookReceiver.Replay;

namespace WebhookReceiver.Internal;

/// <summary>Every registered scheme builds from its current options; the in-memory nonce store is not (nearly) full.</summary>
internal sealed class WebhookHealthCheck(WebhookSchemeRegistry registry, IWebhookNonceStore store, IOptions<InMemoryNonceStoreOptions> memory)
    : IHealthCheck
{
    private const double DegradedFill = 0.8;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var names = registry.Names.Order(StringComparer.Ordinal).ToArray();
        var data = new Dictionary<string, object> { ["schemes"] = string.Join(", ", names) };
        var failure = context.Registration.FailureStatus;
        if (names.Length == 0)
            return Task.FromResult(new HealthCheckResult(failure, "No webhook scheme is registered.", data: data));
        foreach (var name in names)
        {
            try
            {
                _ = registry.GetHandle(name).Current;
            }
            catch (Exception e) when (e is OptionsValidationException or InvalidOperationException or FormatException or ArgumentException)
            {
                return Task.FromResult(new HealthCheckResult(failure, $"Webhook scheme '{name}' cannot be built: {e.Message}", data: data));
            }
        }
        if (store is not InMemoryNonceStore inMemory)
            return Task.FromResult(HealthCheckResult.Healthy($"Webhook schemes: {data["schemes"]}; the nonce store is checked by its own check.", data));

        var max = memory.Value.MaxEntries;
        var count = inMemory.Count;
        data["nonceStore.entries"] = count;
        data["nonceStore.maxEntries"] = max;
        var fill = max > 0 ? (double)count / max : 1;
        var summary = string.Create(CultureInfo.InvariantCulture, $"Webhook schemes: {data["schemes"]}; in-memory nonce store {count} of {max} keys ({fill * 100:0}%)");
        return Task.FromResult(fill >= 1
            ? new HealthCheckResult(failure, summary + ": full, new deliveries are answered 503.", data: data)
            : fill >= DegradedFill
                ? HealthCheckResult.Degraded(summary + ": raise InMemoryNonceStoreOptions.MaxEntries or use a shared store.", data: data)
                : HealthCheckResult.Healthy(summary + ".", data));
    }
}
