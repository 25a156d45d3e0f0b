namespace WebhookReceiver.Internal;

/// <summary>
/// Reads signature headers written as a list of <c>key=value</c> pairs: Stripe and Calendly
/// (<c>t=…,v1=…,v1=…</c>) and Paddle (<c>ts=…;h1=…;h1=…</c>). Entries without <c>=</c> and unknown keys are skipped.
/// </summary>
internal static class SignatureHeaderList
{
    /// <summary>
    /// Finds the first <paramref name="timestampKey"/> value and the values of <paramref name="signatureKey"/> (as ranges of
    /// <paramref name="header"/>, at most <c>signatures.Length</c> of them). Returns how many signature values were stored.
    /// </summary>
    public static int Read(ReadOnlySpan<char> header, char separator, ReadOnlySpan<char> timestampKey, ReadOnlySpan<char> signatureKey,
        out Range? timestamp, Span<Range> signatures)
    {
        timestamp = null;
        var count = 0;
        foreach (var pair in header.Split(separator))
        {
            var (start, length) = pair.GetOffsetAndLength(header.Length);
            var entry = header.Slice(start, length);
            var equals = entry.IndexOf('=');
            if (equals <= 0)
                continue;
            var key = entry[..equals].Trim();
            var value = new Range(start + equals + 1, start + length);
            if (timestamp is null && key.SequenceEqual(timestampKey))
                timestamp = value;
            else if (count < signatures.Length && key.SequenceEqual(signatureKey))
                signatures[count++] = value;
        }
        return count;
    }
}
