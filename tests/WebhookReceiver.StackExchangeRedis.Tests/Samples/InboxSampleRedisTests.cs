using System.Collections.Concurrent;
using System.Net;
using WebhookReceiver.StackExchangeRedis.Tests.Inbox;
using WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;
using WebhookReceiver.Tests.Shared;

namespace WebhookReceiver.StackExchangeRedis.Tests.Samples;

/// <summary>
/// samples/Inbox with <c>ConnectionStrings__Redis</c> set, two instances run as processes on one Redis: a crash
/// mid-attempt loses nothing, and a load shared by both is handled exactly once.
/// </summary>
public sealed class InboxSampleRedisTests(RedisServers servers)
{
    private static Dictionary<string, string> OnRedis(RedisTarget redis, string prefix) => new()
    {
        ["ConnectionStrings__Redis"] = redis.Configuration,
        ["Redis__InstanceName"] = prefix,
        ["Webhooks__Inbox__Lease"] = "00:00:03",
        ["Logging__LogLevel__Microsoft.AspNetCore"] = "Warning",
        ["Logging__LogLevel__WebhookReceiver"] = "Debug",
    };

    [Fact]
    public async Task InstanceKilledDuringAnAttempt_AnotherInstanceCompletesTheDeliveryAfterTheLease()
    {
        var redis = await InboxRedis.GetAsync(servers);
        var settings = OnRedis(redis, RedisTarget.UniquePrefix());
        await using var first = await InboxSample.StartAsync(settings);
        var id = InboxSample.NewId();

        Assert.Equal((HttpStatusCode.OK, """{"status":"accepted"}"""), await first.PostAsync(InboxSample.Sign(id, "test.slow", """{"ms":4000}""")));
        await first.WaitForAsync(id, "processing");
        await using var second = await InboxSample.StartAsync(settings);
        await first.Process.KillAsync(); // SIGKILL mid-attempt: no graceful shutdown, the stream entry stays pending

        var completed = await second.WaitForAsync(id, "completed", TimeSpan.FromSeconds(60));
        Assert.True(completed.GetProperty("attempts").GetInt32() >= 2, completed + "\n" + string.Join('\n', first.Process.Output) + "\n---\n" + string.Join('\n', second.Process.Output));
        Assert.Empty(first.Processed(id));
        Assert.Single(second.Processed(id));
    }

    [Fact]
    public async Task TwoInstancesAThousandDeliveriesEach_EveryHandlerSucceedsExactlyOnce_NoneLost()
    {
        const int PerInstance = 1000;
        var redis = await InboxRedis.GetAsync(servers);
        var settings = OnRedis(redis, RedisTarget.UniquePrefix());
        await using var first = await InboxSample.StartAsync(settings);
        await using var second = await InboxSample.StartAsync(settings);
        var ids = Enumerable.Range(0, 2 * PerInstance).Select(_ => InboxSample.NewId()).ToArray();
        var answers = new ConcurrentBag<(HttpStatusCode, string)>();

        await Parallel.ForEachAsync(ids.Select((id, i) => (id, i)), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (d, _) =>
            answers.Add(await (d.i % 2 == 0 ? first : second).PostAsync(InboxSample.Sign(d.id, "test.ok"))));

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.OK, """{"status":"accepted"}"""), a));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
        while ((await first.GetJsonAsync("/webhooks/inbox/counts")).GetProperty("completed").GetInt32() < ids.Length && DateTime.UtcNow < deadline)
            await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(ids.Length, (await first.GetJsonAsync("/webhooks/inbox/counts")).GetProperty("completed").GetInt32());

        var byFirst = 0;
        foreach (var id in ids)
        {
            var lines = first.Processed(id).Length;
            byFirst += lines;
            Assert.True(lines + second.Processed(id).Length == 1, $"{id}: handled {lines} + {second.Processed(id).Length} times");
        }
        Assert.InRange(byFirst, 1, ids.Length - 1); // both instances took their share
    }
}
