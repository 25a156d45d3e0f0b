using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Benchmarks.Load;

/// <summary>
/// The endpoints compared by the HTTP load test, in one process so they share everything but the work measured:
/// <c>/baseline</c> an unverified minimal-API POST binding the typed payload; <c>/hmac</c> the same plus one
/// HMAC-SHA256 over the raw body (the floor); <c>/webhook</c> the full pipeline (verify, timestamp, in-memory nonce
/// claim/complete, typed deserialize, handler).
/// </summary>
public static class LoadServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        var url = args.Length > 0 ? args[0] : "http://127.0.0.1:5090";
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        builder.Services.AddWebhooks().AddStandardWebhooks("bench", o =>
        {
            o.Secret = BenchmarkPayload.Secret;
            o.Tolerance = TimeSpan.FromHours(1);   // the generated file stays valid for the whole run
        }).AddStandardWebhooks("bench-noreplay", o =>
        {
            o.Secret = BenchmarkPayload.Secret;
            o.Tolerance = TimeSpan.FromHours(1);
            o.Replay.Enabled = false;              // the pipeline without the nonce store, to see its share
        });
        builder.Services.Configure<InMemoryNonceStoreOptions>(o => o.InitialCapacity = o.MaxEntries);
        await using var app = builder.Build();
        var key = Convert.FromBase64String(BenchmarkPayload.Secret["whsec_".Length..]);
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        long handled = 0;

        app.MapPost("/baseline", (OrderCreated order) =>
        {
            Interlocked.Increment(ref handled);
            return Results.Ok();
        });
        app.MapPost("/hmac", async (HttpRequest request) =>
        {
            var length = (int)(request.ContentLength ?? 0);
            var buffer = ArrayPool<byte>.Shared.Rent(length);
            try
            {
                await request.Body.ReadExactlyAsync(buffer.AsMemory(0, length));
                Span<byte> mac = stackalloc byte[32];
                HMACSHA256.HashData(key, buffer.AsSpan(0, length), mac);
                var order = JsonSerializer.Deserialize<OrderCreated>(buffer.AsSpan(0, length), json);
                Interlocked.Increment(ref handled);
                return order is null ? Results.BadRequest() : Results.Ok();
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        });
        app.MapWebhook<OrderCreated>("/webhook", "bench", (hook, ct) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });

        app.MapWebhook<OrderCreated>("/webhook-noreplay", "bench-noreplay", (hook, ct) =>
        {
            Interlocked.Increment(ref handled);
            return Task.CompletedTask;
        });

        await app.StartAsync();
        Console.WriteLine($"listening on {url}");
        await app.WaitForShutdownAsync();
        Console.WriteLine($"handled {handled}");
        return 0;
    }
}
