namespace WebhookReceiver.Internal;

/// <summary>
/// A header of <c>key=value</c> pairs carrying the timestamp and one or more signatures, e.g. Stripe's
/// <c>t=1700000000,v1=&lt;hex&gt;,v1=&lt;hex&gt;</c> or Paddle's <c>ts=…;h1=…</c>. Other keys (Stripe's <c>v0</c>) are ignored.
/// </summary>
internal sealed class KeyValueSignatureFormat(string header, char pairSeparator, string timestampKey, string signatureKey)
    : SignatureHeaderFormat(header)
{
    public string TimestampKey { get; } = timestampKey;

    public string SignatureKey { get; } = signatureKey;

    public override bool CarriesTimestamp => true;

    public override string Missing => $"no {SignatureKey}= signature";

    public override string Shape => $"'{TimestampKey}=<timestamp>{pairSeparator}{SignatureKey}=<signature>'";

    public override int Read(ReadOnlySpan<char> value, Span<Range> candidates, out Range? timestamp)
    {
        timestamp = null;
        var count = 0;
        foreach (var pair in value.Split(pairSeparator))
        {
            var (start, length) = pair.GetOffsetAndLength(value.Length);
            var entry = value.Slice(start, length);
            var equals = entry.IndexOf('=');
            if (equals <= 0)
                continue;
            var key = entry[..equals].Trim();
            var range = new Range(start + equals + 1, start + length);
            if (timestamp is null && key.SequenceEqual(TimestampKey))
                timestamp = range;
            else if (key.SequenceEqual(SignatureKey))
            {
                if (count < candidates.Length)
                    candidates[count++] = range;
                else if (timestamp is not null)
                    break;   // enough candidates and the timestamp: the rest of a flooded header is never scanned
            }
        }
        return count;
    }

    public override string Write(string signature, string? timestamp)
        => string.Concat(TimestampKey, "=", timestamp, pairSeparator.ToString(), SignatureKey, "=", signature);
}
