using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace WebhookReceiver.Internal;

/// <summary>
/// The inbox is reachable and keeping up: Degraded when the oldest pending entry has waited longer than the
/// configured lag, or when dead letters wait for an operator (if asked); the failure status when the store cannot be read.
/// </summary>
internal sealed class InboxHealthCheck(IWebhookInboxStore store, TimeProvider time, TimeSpan maxLag, bool degradedOnDeadLetters) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        WebhookInboxCounts counts;
        try
        {
            counts = await store.CountAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, "The webhook inbox store cannot be read.", exception);
        }
        var lag = InboxMetrics.Lag(counts, time.GetUtcNow());
        var data = new Dictionary<string, object>
        {
            ["queued"] = counts.Queued,
            ["processing"] = counts.Processing,
            ["retrying"] = counts.Retrying,
            ["completed"] = counts.Completed,
            ["dead"] = counts.Dead,
            ["lagSeconds"] = Math.Round(lag.TotalSeconds, 1),
        };
        if (lag > maxLag)
        {
            return HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture,
                $"The oldest pending inbox entry has waited {lag.TotalSeconds:0} s (more than {maxLag.TotalSeconds:0} s): the processor is not keeping up."), data: data);
        }
        if (degradedOnDeadLetters && counts.Dead > 0)
            return HealthCheckResult.Degraded(string.Create(CultureInfo.InvariantCulture, $"{counts.Dead} dead letter(s) wait in the inbox."), data: data);
        return HealthCheckResult.Healthy(string.Create(CultureInfo.InvariantCulture, $"{counts.Pending} pending, {counts.Dead} dead."), data);
    }
}
