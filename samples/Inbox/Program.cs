using WebhookReceiver;

// The inbox, seen from outside: every verified delivery is stored and answered {"status":"accepted"} at once; a
// background processor runs the handler later, retrying failures and keeping dead letters.
var builder = WebApplication.CreateBuilder(args);

var webhooks = builder.Services.AddWebhooks()
    .AddStandardWebhooks("standard");

// In memory by default (not durable: a restart loses what was accepted). With ConnectionStrings__Redis set, the nonce
// store and the inbox live in Redis (6.2+, streams): every instance shares the work, and an instance that dies
// mid-attempt has its entries taken over by another once their lease (Webhooks__Inbox__Lease) runs out.
if (builder.Configuration.GetConnectionString("Redis") is { Length: > 0 } redis)
{
    webhooks.AddRedisNonceStore(o =>
        {
            o.Configuration = redis;
            o.InstanceName = builder.Configuration["Redis:InstanceName"] ?? "inbox-sample:"; // the key prefix, shared by the inbox
        })
        .AddRedisInboxStore();
}

var app = builder.Build();

// Handlers driven by the payload, so retries and dead letters can be provoked with `webhook send`:
//   test.slow   waits data.ms milliseconds
//   test.flaky  throws on its first data.failures attempts, then succeeds
//   test.poison always throws (a dead letter after Webhooks:Inbox:MaxAttempts)
app.MapWebhook("/webhooks/standard", "standard",
    async (Webhook<TestEvent> hook, ILogger<TestEvent> logger, CancellationToken cancellationToken) =>
    {
        var data = hook.Payload.Data;
        switch (hook.EventType)
        {
            case "test.slow":
                await Task.Delay(data?.Ms ?? 0, cancellationToken);
                break;
            case "test.flaky" when hook.Attempt <= (data?.Failures ?? 0):
                throw new InvalidOperationException($"test.flaky fails its first {data?.Failures} attempts (this was attempt {hook.Attempt}).");
            case "test.poison":
                throw new InvalidOperationException("test.poison always fails.");
        }
        logger.LogInformation("Processed {EventType} {DeliveryId} (attempt {Attempt})", hook.EventType, hook.DeliveryId, hook.Attempt);
    })
    .UseInbox();

// The operations API: GET /webhooks/inbox/deliveries[?status=dead], GET .../deliveries/{id}, POST .../deliveries/{id}/retry.
// Anonymous in Development only; a real application maps it behind its operators' policy:
//   app.MapWebhookInbox("/webhooks/inbox").RequireAuthorization("webhook-operators");
if (app.Environment.IsDevelopment())
    app.MapWebhookInbox("/webhooks/inbox").AllowAnonymous();

app.Run();

/// <summary>The payload of the sample's test events.</summary>
internal sealed record TestEvent(string Type, DateTimeOffset? Timestamp, TestData? Data);

/// <summary>What the test events read: how long to wait, how many attempts fail.</summary>
internal sealed record TestData(int? Ms, int? Failures);

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
