using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// Settles inbox entries with the handlers of the endpoint that accepted them: a DI scope and a fresh
/// <see cref="DefaultHttpContext"/> (the scope's services, the stored redacted headers) per attempt, at most
/// <see cref="WebhookInboxOptions.Concurrency"/> at once. Success: completed. Exception: retried with exponential
/// backoff and jitter, a dead letter (last error kept, never the payload) once <see cref="WebhookInboxOptions.MaxAttempts"/>
/// are spent. At shutdown the attempts' token is cancelled; an attempt cancelled so goes back to the queue uncounted.
/// </summary>
internal sealed class WebhookInboxProcessor(
    IWebhookInboxStore store,
    InboxEndpointRegistry endpoints,
    IServiceScopeFactory scopes,
    IOptions<WebhookInboxOptions> inboxOptions,
    IOptions<WebhookOptions> webhookOptions,
    TimeProvider time,
    ILoggerFactory loggers,
    InboxMetrics metrics,
    IHostEnvironment? environment = null) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(1);
    private readonly ILogger _logger = loggers.CreateLogger("WebhookReceiver");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!endpoints.Any)
            return;
        if (store is InMemoryInboxStore && environment?.IsDevelopment() != true)
            InboxLog.NotDurable(_logger);
        var options = inboxOptions.Value;
        var counting = CountLoopAsync(stoppingToken);
        using var slots = new SemaphoreSlim(options.Concurrency);
        var running = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await slots.WaitAsync(stoppingToken);
                WebhookInboxEntry? entry;
                try
                {
                    var now = time.GetUtcNow();
                    await store.TrimAsync(now - options.Retention, stoppingToken);
                    entry = await store.TakeDueAsync(now, now + options.Lease, stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    slots.Release();
                    InboxLog.ProcessorFailed(_logger, exception);
                    await Task.Delay(Poll, time, stoppingToken);
                    continue;
                }
                if (entry is null)
                {
                    slots.Release();
                    await store.WaitAsync(Poll, stoppingToken);
                    continue;
                }
                lock (running)
                {
                    running.RemoveAll(t => t.IsCompleted);
                    running.Add(RunAsync(entry, options, slots, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        Task[] last;
        lock (running)
            last = running.ToArray();
        await Task.WhenAll(last);
        await counting;
    }

    // The counts behind the inbox gauges, taken off the attempts' path.
    private async Task CountLoopAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    metrics.Counted(await store.CountAsync(stoppingToken));
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    InboxLog.ProcessorFailed(_logger, exception);
                }
                await Task.Delay(InboxMetrics.RefreshInterval, time, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task RunAsync(WebhookInboxEntry entry, WebhookInboxOptions options, SemaphoreSlim slots, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Yield();
            await AttemptAsync(entry, options, stoppingToken);
        }
        catch (Exception exception)
        {
            InboxLog.ProcessorFailed(_logger, exception);
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>One attempt at one entry; records its new state.</summary>
    internal async Task AttemptAsync(WebhookInboxEntry entry, WebhookInboxOptions options, CancellationToken stoppingToken)
    {
        if (endpoints.Find(entry.Endpoint) is not { } endpoint)
        {
            InboxLog.NoEndpoint(_logger, entry.Id, entry.Endpoint);
            entry.Status = WebhookInboxStatus.Queued;
            entry.DueAt = time.GetUtcNow() + options.Lease;
            await RecordAsync(entry);
            return;
        }
        var scheme = endpoint.Scheme.Current;
        if (entry.Attempts >= options.MaxAttempts && entry.LastError == WebhookInboxEntry.LeaseRanOutError)
        {
            // Its attempts never reported (the store counted each when the entry was taken over): a delivery that
            // brings its process down every time ends here, not in an endless loop of take-overs.
            await DeadAsync(entry, scheme.Name, null);
            return;
        }
        entry.Attempts++;
        var handler = endpoint.Dispatcher.Find(entry.EventType.Value);
        if (handler is null)
        {
            InboxLog.Ignored(_logger, scheme.Name, entry.Id, LogValue.Of(entry.EventType));
            await CompleteAsync(entry);
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider, RequestAborted = stoppingToken };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = entry.Endpoint.StartsWith('/') ? entry.Endpoint : "/" + entry.Endpoint;
        foreach (var (name, values) in entry.Headers)
            context.Request.Headers[name] = values;
        var e = new WebhookEvent(entry.DeliveryId, entry.EventType, entry.Json, entry.ReplayKey);
        var delivery = new WebhookDelivery(e) { Timestamp = entry.Timestamp };
        var webhook = ((IWebhookBinder)handler).Bind(webhookOptions.Value.JsonSerializerOptions, scheme.Name, delivery, e, entry.Body, context, out _);
        if (webhook is null)
        {
            // A payload that does not deserialize will not on a retry either.
            entry.LastError = $"The payload could not be read as {handler.PayloadType.Name}.";
            await DeadAsync(entry, scheme.Name, null);
            return;
        }
        webhook.Attempt = entry.Attempts;

        try
        {
            // The lease is renewed while the handler runs: it bounds how long a stopped instance holds the entry,
            // not how long a handler may take.
            using var renewing = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var renewal = RenewAsync(entry, options, renewing.Token);
            try
            {
                await handler.InvokeAsync(webhook, context);
            }
            finally
            {
                await renewing.CancelAsync();
                await renewal;
            }
        }
        catch (Exception exception) when (stoppingToken.IsCancellationRequested && exception is OperationCanceledException)
        {
            // Shutdown: back to the queue, the attempt not counted.
            entry.Attempts--;
            entry.Status = WebhookInboxStatus.Queued;
            entry.DueAt = time.GetUtcNow();
            await RecordAsync(entry);
            return;
        }
        catch (Exception exception)
        {
            entry.LastError = $"{exception.GetType().FullName}: {exception.Message}";
            if (entry.Attempts >= options.MaxAttempts)
            {
                await DeadAsync(entry, scheme.Name, exception);
                return;
            }
            var delay = Backoff(options, entry.Attempts);
            InboxLog.Retrying(_logger, exception, scheme.Name, entry.Id, LogValue.Of(entry.EventType), entry.Attempts, delay);
            entry.Status = WebhookInboxStatus.Retrying;
            entry.DueAt = time.GetUtcNow() + delay;
            metrics.Attempt(scheme.Name, WebhookInboxStatus.Retrying);
            await RecordAsync(entry);
            return;
        }
        InboxLog.Completed(_logger, scheme.Name, entry.Id, LogValue.Of(entry.EventType), entry.Attempts);
        metrics.Attempt(scheme.Name, WebhookInboxStatus.Completed);
        await CompleteAsync(entry);
    }

    /// <summary>Renews the entry's lease every third of it until cancelled, or until the lease is found lost.</summary>
    private async Task RenewAsync(WebhookInboxEntry entry, WebhookInboxOptions options, CancellationToken cancellationToken)
    {
        var every = options.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, cancellationToken);
                try
                {
                    if (!await store.RenewAsync(entry, time.GetUtcNow() + options.Lease, cancellationToken))
                        return; // taken over; the outcome will not be recorded (logged then)
                }
                catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
                {
                    InboxLog.ProcessorFailed(_logger, exception); // the store is unreachable: try again at the next third
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>RetryDelay × 2^(attempt−1), capped at MaxRetryDelay, times a jitter in [0.8, 1.2).</summary>
    internal static TimeSpan Backoff(WebhookInboxOptions options, int attempt)
    {
        var exponential = options.RetryDelay.TotalMilliseconds * Math.Pow(2, Math.Min(attempt - 1, 30));
        var capped = Math.Min(exponential, options.MaxRetryDelay.TotalMilliseconds);
        var jittered = capped * (0.8 + (Random.Shared.NextDouble() * 0.4));
        return TimeSpan.FromMilliseconds(Math.Min(jittered, options.MaxRetryDelay.TotalMilliseconds));
    }

    private Task CompleteAsync(WebhookInboxEntry entry)
    {
        entry.Status = WebhookInboxStatus.Completed;
        entry.CompletedAt = time.GetUtcNow();
        return RecordAsync(entry);
    }

    private Task DeadAsync(WebhookInboxEntry entry, string scheme, Exception? exception)
    {
        InboxLog.Dead(_logger, exception, scheme, entry.Id, LogValue.Of(entry.EventType), entry.Attempts);
        metrics.Attempt(scheme, WebhookInboxStatus.Dead);
        entry.Status = WebhookInboxStatus.Dead;
        return RecordAsync(entry);
    }

    // Not cancelled by shutdown: what an attempt did must be written. A lease taken over meanwhile (this attempt ran
    // longer than Lease) keeps the newer attempt's state; the handler ran twice, which at-least-once allows.
    private async Task RecordAsync(WebhookInboxEntry entry)
    {
        if (!await store.UpdateAsync(entry, CancellationToken.None))
            InboxLog.LeaseLost(_logger, entry.Id, entry.Status.ToString());
    }
}
