using System.Net;
using WebhookReceiver.Tests.Shared;

namespace WebhookReceiver.Tests.Samples;

/// <summary>samples/Inbox, in memory, run as a process and seen from outside: accepted at once, settled later.</summary>
public sealed class InboxSampleTests
{
    [Fact]
    public async Task SlowHandler_AnswerComesBeforeTheHandlerEnds_ThenTheDeliveryCompletes()
    {
        await using var sample = await InboxSample.StartAsync();
        var id = InboxSample.NewId();

        var answer = await sample.PostAsync(InboxSample.Sign(id, "test.slow", """{"ms":5000}"""));

        Assert.Equal((HttpStatusCode.OK, """{"status":"accepted"}"""), answer);
        var pending = await sample.FindAsync(id);
        Assert.NotNull(pending);
        Assert.Contains(pending.Value.GetProperty("status").GetString(), new[] { "queued", "processing" });
        Assert.Empty(sample.Processed(id));
        var completed = await sample.WaitForAsync(id, "completed");
        Assert.Equal(1, completed.GetProperty("attempts").GetInt32());
        Assert.EndsWith($"Processed test.slow {id} (attempt 1)", Assert.Single(sample.Processed(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FlakyHandlerWithTwoFailures_CompletesOnTheThirdAttempt_SucceedingOnce()
    {
        await using var sample = await InboxSample.StartAsync();
        var id = InboxSample.NewId();

        Assert.Equal(HttpStatusCode.OK, (await sample.PostAsync(InboxSample.Sign(id, "test.flaky", """{"failures":2}"""))).Status);

        var completed = await sample.WaitForAsync(id, "completed");
        Assert.Equal(3, completed.GetProperty("attempts").GetInt32());
        Assert.EndsWith($"Processed test.flaky {id} (attempt 3)", Assert.Single(sample.Processed(id)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PoisonHandler_DeadAfterMaxAttempts_RetryThroughTheApiRunsItAgain()
    {
        await using var sample = await InboxSample.StartAsync();
        var id = InboxSample.NewId();
        await sample.PostAsync(InboxSample.Sign(id, "test.poison"));

        var dead = await sample.WaitForAsync(id, "dead");
        Assert.Equal(3, dead.GetProperty("attempts").GetInt32());
        Assert.Contains("test.poison always fails.", dead.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        var listed = await sample.GetJsonAsync("/webhooks/inbox/deliveries?status=dead");
        Assert.Contains(listed.EnumerateArray(), e => e.GetProperty("deliveryId").GetString() == id);

        var entryId = dead.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, await sample.PostApiAsync($"/webhooks/inbox/deliveries/{entryId}/retry"));

        // The retry is one more attempt (a requeue would start the count again): it fails and is dead again.
        for (var i = 0; i < 600 && (await sample.FindAsync(id))!.Value.GetProperty("attempts").GetInt32() < 4; i++)
            await Task.Delay(50, TestContext.Current.CancellationToken);
        var again = await sample.WaitForAsync(id, "dead");
        Assert.Equal(4, again.GetProperty("attempts").GetInt32());
        Assert.Empty(sample.Processed(id));
    }

    [Fact]
    public async Task ProviderCopies_WhileQueuedAndAfterCompletion_AreDuplicates_AndAForgeryIsRefused()
    {
        await using var sample = await InboxSample.StartAsync();
        var id = InboxSample.NewId();
        var delivery = InboxSample.Sign(id, "test.slow", """{"ms":1000}""");

        Assert.Equal((HttpStatusCode.OK, """{"status":"accepted"}"""), await sample.PostAsync(delivery));
        Assert.Equal((HttpStatusCode.OK, """{"status":"duplicate"}"""), await sample.PostAsync(delivery));
        await sample.WaitForAsync(id, "completed");
        Assert.Equal((HttpStatusCode.OK, """{"status":"duplicate"}"""), await sample.PostAsync(delivery));
        Assert.Single(sample.Processed(id));

        var forged = InboxSample.Sign(InboxSample.NewId(), "order.created", secret: "whsec_" + Convert.ToBase64String(new byte[24]));
        Assert.Equal(HttpStatusCode.Unauthorized, (await sample.PostAsync(forged)).Status);
    }
}
