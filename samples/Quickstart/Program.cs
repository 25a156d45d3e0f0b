using WebhookReceiver;

var builder = WebApplication.CreateBuilder(args);

// Secrets come from configuration: appsettings.Development.json for local use,
// Webhooks__Schemes__standard__Secret (environment) or a secret store in production.
var webhooks = builder.Services.AddWebhooks()
    .AddStandardWebhooks("standard");

// Several instances behind a load balancer share one nonce store: set ConnectionStrings__Redis=localhost:6379.
// Without it, the in-memory store refuses replays for this one process.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
    webhooks.AddRedisNonceStore(o => { o.Configuration = redis; o.InstanceName = "webhooks:"; });

var app = builder.Build();

app.MapWebhook("/webhooks/standard", "standard",
    (Webhook<OrderEvent> hook, ILogger<OrderEvent> logger) =>
        logger.LogInformation("Processed {EventType} {DeliveryId} for order {OrderId}",
            hook.EventType, hook.DeliveryId, hook.Payload.Data?.OrderId));

app.Run();

/// <summary>The payload the Quickstart's sender posts.</summary>
internal sealed record OrderEvent(string Type, DateTimeOffset? Timestamp, OrderData? Data);

/// <summary>The event's data.</summary>
internal sealed record OrderData(string? OrderId, decimal? Amount);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
