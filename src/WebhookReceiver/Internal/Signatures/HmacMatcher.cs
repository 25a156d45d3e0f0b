namespace WebhookReceiver.Internal;

/// <summary>
/// The one match loop of every HMAC scheme: the expected MAC is computed once per configured key (one pass over the
/// content each), then every candidate (at most <see cref="SignatureHeaderFormat.MaxCandidates"/>) is decoded and
/// compared in constant time against every key. No early exit on a match, so the time does not tell which key matched.
/// </summary>
internal static class HmacMatcher
{
    private const int StackKeys = 8;

    public static HmacMatch Match(WebhookHmacAlgorithm algorithm, byte[][] keys, ReadOnlySpan<byte> content, WebhookSignatureEncoding encoding,
        ReadOnlySpan<char> header, ReadOnlySpan<Range> candidates, bool ownedKeys = true)
    {
        var size = HmacSignature.HashSize(algorithm);
        Span<byte> expected = keys.Length <= StackKeys ? stackalloc byte[HmacSignature.MaxHashSize * StackKeys] : new byte[size * keys.Length];
        expected = expected[..(size * keys.Length)];
        HmacSignature.ComputeAll(algorithm, keys, content, expected, ownedKeys);

        Span<byte> decoded = stackalloc byte[HmacSignature.MaxHashSize];
        var usable = 0;
        var matched = false;
        foreach (var range in candidates)
        {
            if (!HmacSignature.TryDecode(encoding, header[range], decoded, out var length) || length != size)
                continue;
            usable++;
            matched |= HmacSignature.MatchesAny(expected, size, decoded[..length]);
        }
        return new HmacMatch(matched, usable);
    }
}
