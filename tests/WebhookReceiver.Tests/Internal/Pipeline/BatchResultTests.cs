using WebhookReceiver.Internal;

namespace WebhookReceiver.Tests.Internal;

public sealed class BatchResultTests
{
    [Theory]
    [InlineData(new WebhookOutcome[0], WebhookOutcome.Ignored)]
    [InlineData(new[] { WebhookOutcome.Ignored, WebhookOutcome.Duplicate }, WebhookOutcome.Duplicate)]
    [InlineData(new[] { WebhookOutcome.Duplicate, WebhookOutcome.Processed, WebhookOutcome.Ignored }, WebhookOutcome.Processed)]
    [InlineData(new[] { WebhookOutcome.Processed, WebhookOutcome.Malformed }, WebhookOutcome.Malformed)]
    [InlineData(new[] { WebhookOutcome.InFlight, WebhookOutcome.Malformed, WebhookOutcome.Processed }, WebhookOutcome.InFlight)]
    [InlineData(new[] { WebhookOutcome.InFlight, WebhookOutcome.Failed }, WebhookOutcome.Failed)]
    [InlineData(new[] { WebhookOutcome.Failed, WebhookOutcome.Unavailable }, WebhookOutcome.Unavailable)]
    [InlineData(new[] { WebhookOutcome.Unavailable, WebhookOutcome.Aborted }, WebhookOutcome.Aborted)]
    internal void Add_Outcomes_MostSeriousWins(WebhookOutcome[] outcomes, WebhookOutcome expected)
        => Assert.Equal(expected, outcomes.Aggregate(BatchResult.Empty, (result, o) => result.Add(o)).Outcome);
}
