using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Internal;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Internal;

/// <summary>UseInbox(): accept at once, settle later in the processor, with retries and dead letters.</summary>
public sealed class WebhookInboxTests
{
    private static readonly Dictionary<string, string?> FastRetries = new()
    {
        ["Webhooks:Inbox:MaxAttempts"] = "3",
        ["Webhooks:Inbox:RetryDelay"] = "00:00:01",
        ["Webhooks:Inbox:MaxRetryDelay"] = "00:00:02",
    };

    private static string Body(string type, string data = "{}") => $$"""{"type":"{{type}}","timestamp":"2026-11-27T12:00:00Z","data":{{data}}}""";

    private static Task<WebhookTestHost> StartAsync(Func<Webhook<JsonElement>, CancellationToken, Task> handler, Action<IServiceCollection>? services = null,
        IWebhookNonceStore? nonces = null)
        => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").OnAny(handler).UseInbox(),
            s =>
            {
                if (nonces is not null)
                    s.AddSingleton(nonces);
                services?.Invoke(s);
            },
            FastRetries);

    private static async Task<WebhookInboxEntry> WaitForAsync(WebhookTestHost host, WebhookInboxStatus status, TimeSpan? advance = null)
    {
        var store = host.Services.GetRequiredService<IWebhookInboxStore>();
        for (var i = 0; i < 400; i++)
        {
            var entries = await store.ListAsync(status, 10, CancellationToken.None);
            if (entries.Count > 0)
                return entries[0];
            if (advance is { } step)
                host.Time.Advance(step);
            await Task.Delay(25, TestContext.Current.CancellationToken);
        }
        throw new TimeoutException($"No inbox entry became {status}.");
    }

    private static async Task<string> PostAsync(WebhookTestHost host, string body, string id = "msg_1", HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await host.Client.SendAsync(StandardDelivery.Create(host.Time.GetUtcNow(), body, id), TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Equal(expected, response.StatusCode);
        return text;
    }

    [Fact]
    public async Task UseInbox_SlowHandler_AnswersAcceptedAtOnceAndCompletesLater()
    {
        var gate = new TaskCompletionSource();
        var ran = 0;
        await using var host = await StartAsync(async (hook, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            Interlocked.Increment(ref ran);
        });

        Assert.Equal("""{"status":"accepted"}""", await PostAsync(host, Body("test.slow", """{"ms":5000}""")));
        Assert.Equal(0, ran);
        var processing = await WaitForAsync(host, WebhookInboxStatus.Processing);
        Assert.Equal("msg_1", processing.DeliveryId.Value);
        Assert.True(processing.DeliveryId.IsSigned);

        gate.SetResult();
        var completed = await WaitForAsync(host, WebhookInboxStatus.Completed);
        Assert.Equal(1, ran);
        Assert.Equal(1, completed.Attempts);
        Assert.Equal("test.slow", completed.EventType.Value);
    }

    [Fact]
    public async Task UseInbox_StoredEntry_KeepsExactBodyAndRedactsSecretHeaders()
    {
        var gate = new TaskCompletionSource();
        string? seenHeader = null;
        await using var host = await StartAsync(async (hook, ct) =>
        {
            seenHeader = hook.HttpContext.Request.Headers["webhook-id"];
            await gate.Task.WaitAsync(ct);
        });
        var body = Body("order.created", """{"orderId":"o-1"}""");
        var request = StandardDelivery.Create(host.Time.GetUtcNow(), body);
        request.Headers.Authorization = new("Bearer", "secret-token");
        var response = await host.Client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var entry = await WaitForAsync(host, WebhookInboxStatus.Processing);
        Assert.Equal(body, System.Text.Encoding.UTF8.GetString(entry.Body.Span));
        Assert.Equal("[redacted]", Assert.Single(entry.Headers, h => h.Key == "Authorization").Value.Single());
        Assert.DoesNotContain(entry.Headers, h => h.Value.Any(v => v.Contains("secret-token", StringComparison.Ordinal)));
        gate.SetResult();
        await WaitForAsync(host, WebhookInboxStatus.Completed);
        Assert.Equal("msg_1", seenHeader);
    }

    [Fact]
    public async Task UseInbox_CopyWhileQueuedAndAfterCompletion_IsDuplicate()
    {
        var gate = new TaskCompletionSource();
        var ran = 0;
        await using var host = await StartAsync(async (hook, ct) =>
        {
            await gate.Task.WaitAsync(ct);
            Interlocked.Increment(ref ran);
        });
        var body = Body("order.created");

        Assert.Equal("""{"status":"accepted"}""", await PostAsync(host, body));
        Assert.Equal("""{"status":"duplicate"}""", await PostAsync(host, body));
        gate.SetResult();
        await WaitForAsync(host, WebhookInboxStatus.Completed);
        Assert.Equal("""{"status":"duplicate"}""", await PostAsync(host, body));
        Assert.Equal(1, ran);
        var all = await host.Services.GetRequiredService<IWebhookInboxStore>().ListAsync(null, 10, CancellationToken.None);
        Assert.Single(all);
    }

    [Fact]
    public async Task UseInbox_FlakyHandler_CompletesAfterRetries()
    {
        var attempts = 0;
        var succeeded = 0;
        var seen = new System.Collections.Concurrent.ConcurrentQueue<int>();
        await using var host = await StartAsync((hook, ct) =>
        {
            seen.Enqueue(hook.Attempt);
            if (Interlocked.Increment(ref attempts) <= 2)
                throw new InvalidOperationException("flaky (test)");
            Interlocked.Increment(ref succeeded);
            return Task.CompletedTask;
        });

        await PostAsync(host, Body("test.flaky", """{"failures":2}"""));
        var completed = await WaitForAsync(host, WebhookInboxStatus.Completed, advance: TimeSpan.FromSeconds(1));
        Assert.Equal(3, completed.Attempts);
        Assert.Equal(3, attempts);
        Assert.Equal(1, succeeded);
        Assert.Equal([1, 2, 3], seen.ToArray());
    }

    [Fact]
    public async Task UseInbox_EntryWhoseInstanceDiedInEachAttempt_DeadWhenTakenOverAfterTheLastWithoutRunningAgain()
    {
        var calls = 0;
        await using var host = await StartAsync((hook, ct) =>
        {
            Interlocked.Increment(ref calls);
            return Task.CompletedTask;
        });
        var store = host.Services.GetRequiredService<IWebhookInboxStore>();
        var now = host.Time.GetUtcNow();
        // As an instance that crashed during attempt 3 of 3 leaves it: processing, its lease run out, two attempts recorded.
        var body = System.Text.Encoding.UTF8.GetBytes(Body("test.crash"));
        await store.AddAsync([new WebhookInboxEntry
        {
            Id = "0000000000000000001-000001",
            Endpoint = StandardDelivery.Path,
            Scheme = "orders",
            DeliveryId = WebhookValue.FromSigned("msg_crash"),
            EventType = WebhookValue.FromSigned("test.crash"),
            ReplayKey = "msg_crash",
            Body = body,
            Json = body,
            Headers = [],
            ReceivedAt = now,
            Status = WebhookInboxStatus.Processing,
            Attempts = 2,
            Lease = 3,
            DueAt = now - TimeSpan.FromSeconds(1),
        }], CancellationToken.None);

        var dead = await WaitForAsync(host, WebhookInboxStatus.Dead, advance: TimeSpan.FromSeconds(1));

        Assert.Equal(3, dead.Attempts);
        Assert.Equal(WebhookInboxEntry.LeaseRanOutError, dead.LastError);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task UseInbox_PoisonHandler_BecomesDeadLetterWithLastErrorAfterMaxAttempts()
    {
        var attempts = 0;
        await using var host = await StartAsync((hook, ct) =>
        {
            Interlocked.Increment(ref attempts);
            throw new InvalidOperationException("poison (test)");
        });

        await PostAsync(host, Body("test.poison", """{"card":"4242"}"""));
        var dead = await WaitForAsync(host, WebhookInboxStatus.Dead, advance: TimeSpan.FromSeconds(1));
        Assert.Equal(3, dead.Attempts);
        Assert.Equal(3, attempts);
        Assert.Equal("System.InvalidOperationException: poison (test)", dead.LastError);
        Assert.DoesNotContain("4242", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UseInbox_StoreDown_Answers503AndReleasesTheClaim()
    {
        var nonces = new RecordingStore();
        var ran = 0;
        await using var host = await StartAsync((hook, ct) =>
        {
            ran++;
            return Task.CompletedTask;
        }, s => s.AddSingleton<IWebhookInboxStore, FailingInboxStore>(), nonces);

        await PostAsync(host, Body("order.created"), expected: HttpStatusCode.ServiceUnavailable);
        Assert.Equal(0, ran);
        Assert.Contains(nonces.Calls, c => c.StartsWith("release ", StringComparison.Ordinal));
        Assert.DoesNotContain(nonces.Calls, c => c.StartsWith("complete ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UseInbox_SchemeExpectingAReply_FailsAtStartup()
    {
        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddDiscord("discord", o => o.Secret = "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a"),
            app => app.MapWebhook("/webhooks/discord", "discord").UseInbox()));
        Assert.Contains("cannot use the inbox", error.Message, StringComparison.Ordinal);
        Assert.Contains("discord", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InboxOptions_Invalid_FailAtStartup()
    {
        await Assert.ThrowsAnyAsync<Microsoft.Extensions.Options.OptionsValidationException>(() => WebhookTestHost.StartAsync(
            schemes => schemes.AddStandardWebhooks("orders", o => o.Secret = StandardDelivery.Secret),
            app => app.MapWebhook(StandardDelivery.Path, "orders").UseInbox(),
            configuration: new() { ["Webhooks:Inbox:MaxAttempts"] = "0" }));
    }

    [Fact]
    public void Backoff_GrowsExponentiallyWithJitterAndIsCapped()
    {
        var options = new WebhookInboxOptions();
        var first = WebhookInboxProcessor.Backoff(options, 1);
        Assert.InRange(first, TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(6));
        Assert.InRange(WebhookInboxProcessor.Backoff(options, 3), TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(24));
        Assert.InRange(WebhookInboxProcessor.Backoff(options, 30), TimeSpan.FromMinutes(8), TimeSpan.FromMinutes(10));
    }
}
