using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

namespace WebhookReceiver.StackExchangeRedis.Tests.Samples;

/// <summary>The Quickstart with <c>ConnectionStrings:Redis</c> set: two copies share the nonce store.</summary>
public sealed class QuickstartRedisTests(RedisServers servers)
{
    public static TheoryData<string> Targets => RedisServers.Names;

    private sealed class Quickstart(string redis) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder) => builder
            .UseEnvironment("Development")
            .UseSetting("ConnectionStrings:Redis", redis);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Quickstart_RedisConfigured_SecondInstanceAnswersDuplicateFromTheSharedStore(string target)
    {
        var redis = await servers.GetAsync(target);
        await using var first = new Quickstart(redis.Configuration);
        await using var second = new Quickstart(redis.Configuration);
        var id = Deliveries.NewId();
        var delivery = Deliveries.Sign(id);

        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();

        var processed = await firstClient.PostAsync(delivery, "/webhooks/standard");
        var duplicate = await secondClient.PostAsync(delivery, "/webhooks/standard");

        Assert.Equal(new Reply(HttpStatusCode.OK, "processed", false), processed);
        Assert.Equal(new Reply(HttpStatusCode.OK, "duplicate", false), duplicate);
        Assert.Equal("c", (string?)await redis.Database.StringGetAsync($"webhooks:standard:{id}"));
        Assert.True(await redis.Database.KeyTimeToLiveAsync($"webhooks:standard:{id}") > TimeSpan.Zero);
    }

    [Theory]
    [MemberData(nameof(Targets))]
    public async Task Quickstart_RedisConfigured_FirstBurstAtTwoFreshInstancesIsProcessedOnceWithout503(string target)
    {
        var redis = await servers.GetAsync(target);
        await using var first = new Quickstart(redis.Configuration);
        await using var second = new Quickstart(redis.Configuration);
        using var firstClient = first.CreateClient();
        using var secondClient = second.CreateClient();
        var delivery = Deliveries.Sign(Deliveries.NewId());

        var replies = await Task.WhenAll(Enumerable.Range(0, 200).Select(i =>
            (i % 2 == 0 ? firstClient : secondClient).PostAsync(delivery, "/webhooks/standard")));

        Assert.DoesNotContain(replies, r => (int)r.Code >= 500);
        Assert.Single(replies, r => r is { Code: HttpStatusCode.OK, Status: "processed" });
        Assert.All(replies, r => Assert.True(
            r is { Code: HttpStatusCode.OK, Status: "processed" or "duplicate" } or { Code: HttpStatusCode.Conflict, HasRetryAfter: true },
            $"unexpected answer {r}"));
    }
}
