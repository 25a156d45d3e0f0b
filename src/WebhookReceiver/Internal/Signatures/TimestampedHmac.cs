using System.Globalization;

namespace WebhookReceiver.Internal;

/// <summary>
/// HMAC-SHA256 over <c>{prefix}{timestamp}{separator}{body}</c> with hex signatures: the shape Stripe, Calendly, Paddle
/// (<c>{t}.{body}</c>), Slack and Zoom (<c>v0:{ts}:{body}</c>) and Twitch (<c>{id}{ts}{body}</c>) share. The content is
/// built once in a pooled buffer, hashed under every key once, and each candidate is compared in constant time.
/// </summary>
internal static class TimestampedHmac
{
    /// <summary>The most signatures one header may carry that are checked; more are ignored.</summary>
    public const int MaxCandidates = 16;

    private const int Size = 32;
    private const int StackKeys = 8;

    /// <summary>Checks the hex candidates found at <paramref name="candidates"/> in <paramref name="header"/>.</summary>
    public static WebhookVerificationResult Verify(byte[][] keys, ReadOnlySpan<char> prefix, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> separator,
        ReadOnlySpan<byte> body, ReadOnlySpan<char> header, ReadOnlySpan<Range> candidates, DateTimeOffset signedAt, string headerName)
    {
        using var content = Build(prefix, timestamp, separator, body);
        Span<byte> expected = keys.Length <= StackKeys ? stackalloc byte[Size * StackKeys] : new byte[Size * keys.Length];
        expected = expected[..(Size * keys.Length)];
        HmacSignature.ComputeAll(WebhookHmacAlgorithm.Sha256, keys, content.Span, expected);

        Span<byte> decoded = stackalloc byte[Size];
        var usable = 0;
        var match = false;
        foreach (var range in candidates)
        {
            if (!HmacSignature.TryDecode(WebhookSignatureEncoding.Hex, header[range], decoded, out var length) || length != Size)
                continue;
            usable++;
            match |= HmacSignature.MatchesAny(expected, Size, decoded);
        }
        if (match)
            return WebhookVerificationResult.Success(signedAt);
        return usable == 0
            ? WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{headerName} carries no hex HMAC-SHA256 signature")
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"none of {usable} signature(s) in {headerName} matched the {keys.Length} configured secret(s)"));
    }

    /// <summary>Checks a header holding one signature written as <c>{signaturePrefix}{hex}</c>, e.g. <c>v0=…</c> or <c>sha256=…</c>.</summary>
    public static WebhookVerificationResult VerifyPrefixed(byte[][] keys, ReadOnlySpan<char> prefix, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> separator,
        ReadOnlySpan<byte> body, ReadOnlySpan<char> header, string signaturePrefix, DateTimeOffset signedAt, string headerName)
    {
        var value = header.Trim();
        if (!value.StartsWith(signaturePrefix, StringComparison.Ordinal))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{headerName} does not start with '{signaturePrefix}'");
        ReadOnlySpan<Range> candidate = [new Range(signaturePrefix.Length, value.Length)];
        return Verify(keys, prefix, timestamp, separator, body, value, candidate, signedAt, headerName);
    }

    /// <summary>Signs <c>{prefix}{timestamp}{separator}{body}</c> with <paramref name="key"/>, as lowercase hex.</summary>
    public static string Sign(byte[] key, ReadOnlySpan<char> prefix, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> separator, ReadOnlySpan<byte> body)
    {
        using var content = Build(prefix, timestamp, separator, body);
        return HmacSignature.Sign(WebhookHmacAlgorithm.Sha256, key, content.Span, WebhookSignatureEncoding.Hex);
    }

    private static SignedContentBuffer Build(ReadOnlySpan<char> prefix, ReadOnlySpan<char> timestamp, ReadOnlySpan<char> separator, ReadOnlySpan<byte> body)
    {
        var content = new SignedContentBuffer((prefix.Length + timestamp.Length + separator.Length) * 3 + body.Length);
        content.Append(prefix);
        content.Append(timestamp);
        content.Append(separator);
        content.Append(body);
        return content;
    }
}
