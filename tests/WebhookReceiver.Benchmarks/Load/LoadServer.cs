using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Octokit.Webhooks;
using Octokit.Webhooks.AspNetCore;
using Octokit.Webhooks.Events;
using StackExchange.Redis;
using StandardWebhooks;
using StandardWebhooks.Diagnostics;

namespace WebhookReceiver.Benchmarks.Load;

/// <summary>
/// The endpoints compared by the HTTP load test, in one process so they share everything but the work measured.
/// Standard Webhooks deliveries (~1.2 KB): <c>/baseline</c> an unverified minimal-API POST binding the typed payload;
/// <c>/hmac</c> the same plus one HMAC-SHA256 over the raw body (the in-memory floor); <c>/webhook</c> the full pipeline
/// (verify, timestamp, nonce claim/complete, typed deserialize, handler); <c>/webhook-noreplay</c> without the nonce
/// store; <c>/peer-standardwebhooks</c> the StandardWebhooks 1.1.2 library verifying in a minimal-API endpoint that
/// binds the same payload. GitHub push deliveries (~9 KB): <c>/github</c> ours without the nonce store, <c>/peer-octokit</c>
/// Octokit.Webhooks.AspNetCore's <c>MapGitHubWebhooks</c>, both with Octokit's <c>PushEvent</c>.
/// With <c>--redis host:port</c> the nonce store is Redis and <c>/redis-floor</c> is the least any shared replay store
/// costs: one HMAC, <c>SET key NX PX</c> to claim, the typed payload, <c>SET key PX</c> to complete, on one multiplexer.
/// </summary>
public static class LoadServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 0 ? args[0] : "http://127.0.0.1:5090";
        var redis = args.SkipWhile(a => a != "--redis").Skip(1).FirstOrDefault();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        var webhooks = builder.Services.AddWebhooks().AddStandardWebhooks("bench", o =>
        {
            o.Secret = BenchmarkPayload.Secret;
            o.Tolerance = TimeSpan.FromHours(1);   // the generated file stays valid for the whole run
        }).AddStandardWebhooks("bench-noreplay", o =>
        {
            o.Secret = BenchmarkPayload.Secret;
            o.Tolerance = TimeSpan.FromHours(1);
            o.Replay.Enabled = false;              // the pipeline without the nonce store, to see its share
        }).AddGitHub("github", o =>
        {
            o.Secret = GitHubPushPayload.Secret;
            o.Replay.Enabled = false;              // as Octokit, which has no replay protection: wrk repeats the 9 KB file
        });
        if (redis is not null)
        {
            webhooks.AddRedisNonceStore(o => o.Configuration = redis).AddRedisInboxStore();
            foreach (var inbox in (string[])["bench-inbox", "bench-inbox-slow"])
            {
                webhooks.AddStandardWebhooks(inbox, o =>
                {
                    o.Secret = BenchmarkPayload.Secret;
                    o.Tolerance = TimeSpan.FromHours(1);
                });
            }
        }
        builder.Services.Configure<InMemoryNonceStoreOptions>(o => o.InitialCapacity = o.MaxEntries);
        builder.Services.AddSingleton<WebhookEventProcessor, PushProcessor>();
        await using var app = builder.Build();
        var key = Convert.FromBase64String(BenchmarkPayload.Secret["whsec_".Length..]);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var peer = new StandardWebhook(BenchmarkPayload.Secret);

        app.MapPost("/baseline", (OrderCreated order) => Results.Ok());
        app.MapPost("/hmac", async (HttpRequest request) =>
        {
            using var body = await ReadAsync(request);
            HmacOver(key, body.Span);
            return JsonSerializer.Deserialize<OrderCreated>(body.Span, json) is null ? Results.BadRequest() : Results.Ok();
        });
        app.MapWebhook<OrderCreated>("/webhook", "bench", static (hook, ct) => Task.CompletedTask);
        app.MapWebhook<OrderCreated>("/webhook-noreplay", "bench-noreplay", static (hook, ct) => Task.CompletedTask);
        app.MapPost("/peer-standardwebhooks", async (HttpRequest request) =>
        {
            using var reader = new StreamReader(request.Body, Encoding.UTF8);
            var text = await reader.ReadToEndAsync();
            try
            {
                peer.Verify(text, request.Headers);
            }
            catch (WebhookVerificationException)
            {
                return Results.Unauthorized();
            }
            return JsonSerializer.Deserialize<OrderCreated>(text, json) is null ? Results.BadRequest() : Results.Ok();
        });
        app.MapWebhook<PushEvent>("/github", "github", static (hook, ct) => Task.CompletedTask);
        app.MapGitHubWebhooks("/peer-octokit", GitHubPushPayload.Secret);

        if (redis is not null)
        {
            var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis);
            var database = multiplexer.GetDatabase();
            // Accepting into the Redis inbox: the handler runs later; with a 5 s handler the answer must not wait for it.
            app.MapWebhook<OrderCreated>("/webhook-inbox", "bench-inbox", static (hook, ct) => Task.CompletedTask).UseInbox();
            app.MapWebhook<OrderCreated>("/webhook-inbox-slow", "bench-inbox-slow", static (hook, ct) => Task.Delay(5000, ct)).UseInbox();
            app.MapPost("/redis-floor", async (HttpRequest request) =>
            {
                using var body = await ReadAsync(request);
                HmacOver(key, body.Span);
                var nonce = "floor:" + request.Headers["webhook-id"].ToString();
                if (!await database.StringSetAsync(nonce, "p", TimeSpan.FromMinutes(5), When.NotExists))
                    return Results.Conflict();
                var order = JsonSerializer.Deserialize<OrderCreated>(body.Span, json);
                await database.StringSetAsync(nonce, "c", TimeSpan.FromHours(1));
                return order is null ? Results.BadRequest() : Results.Ok();
            });
        }

        await app.StartAsync();
        Console.WriteLine($"listening on {url}{(redis is null ? "" : $", nonce store on Redis at {redis}")}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static void HmacOver(byte[] key, ReadOnlySpan<byte> body)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(key, body, mac);
    }

    private static async Task<PooledBody> ReadAsync(HttpRequest request)
    {
        var length = (int)(request.ContentLength ?? 0);
        var buffer = ArrayPool<byte>.Shared.Rent(length);
        await request.Body.ReadExactlyAsync(buffer.AsMemory(0, length));
        return new PooledBody(buffer, length);
    }

    private readonly struct PooledBody(byte[] buffer, int length) : IDisposable
    {
        public ReadOnlySpan<byte> Span => buffer.AsSpan(0, length);

        public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
    }

    /// <summary>Octokit's side: the push event is deserialized and handed to this processor.</summary>
    private sealed class PushProcessor : WebhookEventProcessor
    {
        protected override ValueTask ProcessPushWebhookAsync(WebhookHeaders headers, PushEvent pushEvent, CancellationToken cancellationToken = default)
            => ValueTask.CompletedTask;
    }
}
