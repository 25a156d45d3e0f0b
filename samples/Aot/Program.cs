using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration.Memory;
using WebhookReceiver;

var builder = WebApplication.CreateSlimBuilder(args);

// The Quickstart's development secrets, as the lowest-priority configuration source: environment variables
// (Webhooks__Schemes__standard__Secret, ...) or any other source override them.
builder.Configuration.Sources.Insert(0, new MemoryConfigurationSource
{
    InitialData = new Dictionary<string, string?>
    {
        ["Webhooks:Schemes:standard:Secret"] = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
        ["Webhooks:Schemes:github:Secret"] = "quickstart-github-development-secret",
    },
});

builder.Services.AddSingleton<OrderLog>();
builder.Services.AddWebhooks(o => o.JsonSerializerOptions.TypeInfoResolverChain.Insert(0, AotJsonContext.Default))
    .AddStandardWebhooks("standard")
    .AddGitHub("github")
    .AddGeneratedWebhookHandlers(); // [WebhookHandler] classes found at compile time: no reflection scan.

var app = builder.Build();

// A delegate with a DI parameter: the generator binds OrderLog from the request's services at compile time, so no
// reflection runs under Native AOT. The payload's JSON metadata comes from AotJsonContext in the webhook JSON options.
app.MapWebhook("/webhooks/standard", "standard",
    (Webhook<OrderEvent> hook, OrderLog log, CancellationToken cancellationToken) => log.RecordAsync(hook, cancellationToken));

// GitHub: the push event goes to PushHandler below, registered by the generator.
app.MapWebhook("/webhooks/github", "github");

app.Run();

/// <summary>A DI service the Standard Webhooks handler uses.</summary>
internal sealed class OrderLog(ILogger<OrderLog> logger)
{
    public Task RecordAsync(Webhook<OrderEvent> hook, CancellationToken cancellationToken)
    {
        logger.LogInformation("Processed {EventType} for order {OrderId}", hook.EventType, hook.Payload.Data?.OrderId);
        return Task.CompletedTask;
    }
}

/// <summary>GitHub push events, registered by the generated AddGeneratedWebhookHandlers().</summary>
[WebhookHandler("github", "push")]
internal sealed class PushHandler(ILogger<PushHandler> logger) : IWebhookHandler<GitHubPush>
{
    public Task HandleAsync(Webhook<GitHubPush> webhook, CancellationToken cancellationToken)
    {
        logger.LogInformation("Push to {Ref} ({Commits} commits)", webhook.Payload.Ref, webhook.Payload.Commits?.Count ?? 0);
        return Task.CompletedTask;
    }
}

/// <summary>The payload the Standard Webhooks sender posts.</summary>
internal sealed record OrderEvent(string Type, DateTimeOffset? Timestamp, OrderData? Data);

/// <summary>The event's data.</summary>
internal sealed record OrderData(string? OrderId, decimal? Amount);

/// <summary>The part of GitHub's push event this sample reads.</summary>
internal sealed record GitHubPush(string? Ref, IReadOnlyList<PushCommit>? Commits);

/// <summary>A commit of a push.</summary>
internal sealed record PushCommit(string? Id);

/// <summary>The source-generated JSON metadata of the payload types (no reflection under Native AOT).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(OrderEvent))]
[JsonSerializable(typeof(GitHubPush))]
internal sealed partial class AotJsonContext : JsonSerializerContext;
