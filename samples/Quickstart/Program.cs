using WebhookReceiver;

var builder = WebApplication.CreateBuilder(args);

// Secrets come from configuration: appsettings.Development.json for local use,
// Webhooks__Schemes__standard__Secret (environment) or a secret store in production.
var webhooks = builder.Services.AddWebhooks()
    .AddStandardWebhooks("standard")
    .AddGitHub("github")
    .AddStripe("stripe");

// Several instances behind a load balancer share one nonce store: set ConnectionStrings__Redis=localhost:6379.
// Without it, the in-memory store refuses replays for this one process.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
    webhooks.AddRedisNonceStore(o => { o.Configuration = redis; o.InstanceName = "webhooks:"; });

var app = builder.Build();

app.MapWebhook("/webhooks/standard", "standard",
    (Webhook<OrderEvent> hook, ILogger<OrderEvent> logger) =>
        logger.LogInformation("Processed {EventType} {DeliveryId} for order {OrderId}",
            hook.EventType, hook.DeliveryId, hook.Payload.Data?.OrderId));

// GitHub: one handler per event type; ping is answered by the library, other events are acknowledged as ignored.
app.MapWebhook("/webhooks/github", "github")
    .On("push", (Webhook<GitHubPush> hook, ILogger<GitHubPush> logger) =>
        logger.LogInformation("Push {DeliveryId} to {Ref} ({Commits} commits)", hook.DeliveryId, hook.Payload.Ref, hook.Payload.Commits?.Count ?? 0));

// Stripe: the event type and id come from the body.
app.MapWebhook("/webhooks/stripe", "stripe")
    .On("invoice.paid", (Webhook<StripeEvent> hook, ILogger<StripeEvent> logger) =>
        logger.LogInformation("Invoice paid {EventId}", hook.DeliveryId))
    .OnAny((Webhook<StripeEvent> hook, ILogger<StripeEvent> logger) =>
        logger.LogInformation("Stripe {EventType} {EventId}", hook.EventType, hook.DeliveryId));

app.Run();

/// <summary>The payload the Quickstart's sender posts.</summary>
internal sealed record OrderEvent(string Type, DateTimeOffset? Timestamp, OrderData? Data);

/// <summary>The event's data.</summary>
internal sealed record OrderData(string? OrderId, decimal? Amount);

/// <summary>The part of GitHub's push event this sample reads.</summary>
internal sealed record GitHubPush(string? Ref, IReadOnlyList<object>? Commits);

/// <summary>The envelope of a Stripe event.</summary>
internal sealed record StripeEvent(string Id, string Type);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
