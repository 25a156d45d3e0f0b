using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using WebhookReceiver;
using WebhookReceiver.Internal;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Adds the health check of webhook verification.</summary>
public static class WebhookHealthChecksBuilderExtensions
{
    /// <summary>The default name of the check: <c>webhooks</c>.</summary>
    public const string DefaultName = "webhooks";

    /// <summary>
    /// Adds a check that every registered scheme builds from its current options, and reports the fill level of the
    /// in-memory nonce store: Degraded from 80 % of <c>InMemoryNonceStoreOptions.MaxEntries</c>, Unhealthy when full
    /// (new deliveries are then answered 503). A shared store is checked by its own check (e.g.
    /// <c>AddRedisNonceStoreCheck</c>). Tagged <c>ready</c> unless other tags are given. Requires <c>AddWebhooks</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name. The default is <see cref="DefaultName"/>.</param>
    /// <param name="failureStatus">The status reported on failure; <see langword="null"/> (the default) means <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">The check's tags; <see langword="null"/> (the default) means <c>["ready"]</c>.</param>
    public static IHealthChecksBuilder AddWebhooksCheck(this IHealthChecksBuilder builder, string name = DefaultName,
        HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(name, static sp => new WebhookHealthCheck(
                sp.GetService<WebhookSchemeRegistry>() ?? throw new InvalidOperationException("AddWebhooksCheck() needs builder.Services.AddWebhooks()."),
                sp.GetRequiredService<IWebhookNonceStore>(), sp.GetRequiredService<IOptions<InMemoryNonceStoreOptions>>()),
            failureStatus, tags ?? ["ready"]));
    }

    /// <summary>The default name of the inbox check: <c>webhooks-inbox</c>.</summary>
    public const string InboxCheckName = "webhooks-inbox";

    /// <summary>
    /// Adds a check of the webhook inbox: Degraded when the oldest pending (queued, processing or retrying) entry has
    /// waited longer than <paramref name="maxLag"/> (the processor is not keeping up) or, with
    /// <paramref name="degradedOnDeadLetters"/>, when dead letters wait; the failure status when the store cannot be
    /// read. Tagged <c>ready</c> unless other tags are given. Requires <c>AddWebhooks</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="maxLag">The longest wait of a pending entry that is healthy. The default is 5 minutes.</param>
    /// <param name="degradedOnDeadLetters">Whether dead letters make the check Degraded. The default is <see langword="false"/>.</param>
    /// <param name="name">The check's name. The default is <see cref="InboxCheckName"/>.</param>
    /// <param name="failureStatus">The status reported when the store cannot be read; <see langword="null"/> (the default) means <see cref="HealthStatus.Unhealthy"/>.</param>
    /// <param name="tags">The check's tags; <see langword="null"/> (the default) means <c>["ready"]</c>.</param>
    public static IHealthChecksBuilder AddWebhookInboxCheck(this IHealthChecksBuilder builder, TimeSpan? maxLag = null, bool degradedOnDeadLetters = false,
        string name = InboxCheckName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var lag = maxLag ?? TimeSpan.FromMinutes(5);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lag, TimeSpan.Zero, nameof(maxLag));
        return builder.Add(new HealthCheckRegistration(name, sp => new InboxHealthCheck(
                sp.GetService<IWebhookInboxStore>() ?? throw new InvalidOperationException("AddWebhookInboxCheck() needs builder.Services.AddWebhooks()."),
                sp.GetRequiredService<TimeProvider>(), lag, degradedOnDeadLetters),
            failureStatus, tags ?? ["ready"]));
    }
}
