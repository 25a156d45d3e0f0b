using Microsoft.Extensions.Hosting;

namespace WebhookReceiver.Internal;

/// <summary>
/// Connects the Redis nonce store and prepares its connection while the host starts, before the server takes requests:
/// <see cref="IHostedLifecycleService.StartingAsync"/> runs ahead of every <see cref="IHostedService.StartAsync"/>, the web
/// server's included. So the first burst after a restart (providers flush their retry queues then) is answered like every
/// later one. It never fails start-up: a Redis that cannot be reached within the connect timeout is logged as a warning and
/// connected later, while deliveries are answered 503 and the health check reports Unhealthy.
/// </summary>
internal sealed class RedisNonceStoreWarmUp(RedisNonceStore store) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => store.WarmUpAsync(cancellationToken);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
