namespace WebhookReceiver.Internal;

/// <summary>What matching candidate signatures against the configured keys found.</summary>
/// <param name="Matched">Whether any candidate matched any key.</param>
/// <param name="Usable">How many candidates decoded to a signature of the right size.</param>
internal readonly record struct HmacMatch(bool Matched, int Usable);
