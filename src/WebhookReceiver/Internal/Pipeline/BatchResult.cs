namespace WebhookReceiver.Internal;

/// <summary>
/// The combined outcome of a batch's items: the most serious one wins (aborted, store unavailable, handler failed,
/// in flight, malformed), otherwise processed, then duplicate, then ignored.
/// </summary>
internal readonly record struct BatchResult(WebhookOutcome Outcome)
{
    public static BatchResult Empty => new(WebhookOutcome.Ignored);

    public BatchResult Add(WebhookOutcome item) => Rank(item) > Rank(Outcome) ? new(item) : this;

    private static int Rank(WebhookOutcome outcome) => outcome switch
    {
        WebhookOutcome.Ignored => 0,
        WebhookOutcome.Duplicate => 1,
        WebhookOutcome.Processed => 2,
        WebhookOutcome.Malformed => 3,
        WebhookOutcome.InFlight => 4,
        WebhookOutcome.Failed => 5,
        WebhookOutcome.Unavailable => 6,
        WebhookOutcome.Aborted => 7,
        _ => 3,
    };
}
