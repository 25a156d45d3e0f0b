using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The signature checks the built-in schemes use, public so that a scheme written outside this library (derive from
/// <see cref="WebhookScheme"/>) verifies the same way: an HMAC per configured key, candidates decoded from hex or
/// base64 and compared in constant time against every key, with no early exit.
/// </summary>
public static class WebhookSignatures
{
    /// <summary>The most candidate signatures one header should be allowed to make a scheme check.</summary>
    public const int MaxCandidates = SignatureHeaderFormat.MaxCandidates;

    /// <summary>
    /// Gets a value indicating whether <paramref name="signature"/> (hex or base64 text, surrounding white space ignored)
    /// is the HMAC of <paramref name="content"/> under any of <paramref name="keys"/>. Never throws for malformed text.
    /// </summary>
    /// <param name="algorithm">The HMAC algorithm.</param>
    /// <param name="keys">The configured keys (rotation: all are tried).</param>
    /// <param name="content">The exact signed bytes.</param>
    /// <param name="encoding">How the signature is written.</param>
    /// <param name="signature">The candidate signature's text.</param>
    public static bool MatchesHmac(WebhookHmacAlgorithm algorithm, IReadOnlyList<byte[]> keys, ReadOnlySpan<byte> content,
        WebhookSignatureEncoding encoding, ReadOnlySpan<char> signature)
    {
        ArgumentNullException.ThrowIfNull(keys);
        var array = keys as byte[][] ?? [.. keys];
        ReadOnlySpan<Range> all = [Range.All];
        // The caller's arrays may change between calls: no keyed-instance reuse.
        return HmacMatcher.Match(algorithm, array, content, encoding, signature, all, ownedKeys: false).Matched;
    }

    /// <summary>Signs <paramref name="content"/> with an HMAC, written as the provider writes it (hex in lower case, or base64).</summary>
    /// <param name="algorithm">The HMAC algorithm.</param>
    /// <param name="key">The key.</param>
    /// <param name="content">The exact bytes to sign.</param>
    /// <param name="encoding">How to write the signature.</param>
    public static string SignHmac(WebhookHmacAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> content, WebhookSignatureEncoding encoding)
    {
        ArgumentNullException.ThrowIfNull(key);
        return HmacSignature.Sign(algorithm, key, content, encoding);
    }
}
