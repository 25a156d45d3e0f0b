using System.Security.Cryptography;
using System.Text;

namespace WebhookReceiver.Internal;

/// <summary>
/// The HMAC primitive every HMAC scheme shares: compute under each configured key once, then compare each candidate
/// signature from the request, decoded to bytes, in constant time. Nothing here allocates per request.
/// </summary>
internal static class HmacSignature
{
    public const int MaxHashSize = 64;

    public static int HashSize(WebhookHmacAlgorithm algorithm) => algorithm switch
    {
        WebhookHmacAlgorithm.Sha1 => 20,
        WebhookHmacAlgorithm.Sha256 => 32,
        WebhookHmacAlgorithm.Sha512 => 64,
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    public static int Compute(WebhookHmacAlgorithm algorithm, ReadOnlySpan<byte> key, ReadOnlySpan<byte> content, Span<byte> destination) => algorithm switch
    {
#pragma warning disable CA5350 // SHA-1 only where a provider mandates it (GitHub legacy, Intercom, Vercel, Twilio)
        WebhookHmacAlgorithm.Sha1 => HMACSHA1.HashData(key, content, destination),
#pragma warning restore CA5350
        WebhookHmacAlgorithm.Sha256 => HMACSHA256.HashData(key, content, destination),
        WebhookHmacAlgorithm.Sha512 => HMACSHA512.HashData(key, content, destination),
        _ => throw new ArgumentOutOfRangeException(nameof(algorithm)),
    };

    /// <summary>
    /// Computes the HMAC of <paramref name="content"/> under every key, one after another, into <paramref name="destination"/>.
    /// <paramref name="ownedKeys"/>: the arrays are the library's own and never change (a scheme's keys), so keyed
    /// instances may be reused (<see cref="KeyedHmacCache"/>); a caller's arrays are hashed one-shot.
    /// </summary>
    public static void ComputeAll(WebhookHmacAlgorithm algorithm, byte[][] keys, ReadOnlySpan<byte> content, Span<byte> destination, bool ownedKeys = true)
    {
        var size = HashSize(algorithm);
        for (var k = 0; k < keys.Length; k++)
        {
            var hash = destination.Slice(k * size, size);
            if (ownedKeys)
                KeyedHmacCache.Compute(algorithm, keys[k], content, hash);
            else
                Compute(algorithm, keys[k], content, hash);
        }
    }

    /// <summary>Whether <paramref name="candidate"/> equals any of the hashes computed by <see cref="ComputeAll"/>, in constant time per hash.</summary>
    public static bool MatchesAny(ReadOnlySpan<byte> expected, int hashSize, ReadOnlySpan<byte> candidate)
    {
        if (candidate.Length != hashSize)
            return false;
        var match = false;
        for (var offset = 0; offset + hashSize <= expected.Length; offset += hashSize)
            match |= CryptographicOperations.FixedTimeEquals(candidate, expected.Slice(offset, hashSize));
        return match;
    }

    /// <summary>Decodes a candidate signature written in <paramref name="encoding"/>; <see langword="false"/> when it is not.</summary>
    public static bool TryDecode(WebhookSignatureEncoding encoding, ReadOnlySpan<char> text, Span<byte> destination, out int written)
        => encoding == WebhookSignatureEncoding.Hex
            ? SignatureEncoding.TryDecodeHex(text.Trim(), destination, out written)
            : SignatureEncoding.TryDecodeBase64(text.Trim(), destination, out written);

    /// <summary>Computes every key's HMAC and checks one encoded candidate against them.</summary>
    public static bool Verify(WebhookHmacAlgorithm algorithm, byte[][] keys, ReadOnlySpan<byte> content, WebhookSignatureEncoding encoding, ReadOnlySpan<char> candidate)
    {
        Span<byte> decoded = stackalloc byte[MaxHashSize];
        if (!TryDecode(encoding, candidate, decoded, out var length))
            return false;
        var size = HashSize(algorithm);
        Span<byte> expected = keys.Length <= 8 ? stackalloc byte[MaxHashSize * 8] : new byte[size * keys.Length];
        expected = expected[..(size * keys.Length)];
        ComputeAll(algorithm, keys, content, expected);
        return MatchesAny(expected, size, decoded[..length]);
    }

    /// <summary>The secrets as UTF-8 key bytes (how most providers use their shared secret), decoded once at start-up.</summary>
    public static byte[][] Utf8Keys(WebhookSchemeOptions options)
        => options.GetAllSecrets().Select(Encoding.UTF8.GetBytes).ToArray();

    /// <summary>Signs <paramref name="content"/> with the first key, written in <paramref name="encoding"/>.</summary>
    public static string Sign(WebhookHmacAlgorithm algorithm, byte[] key, ReadOnlySpan<byte> content, WebhookSignatureEncoding encoding, bool lowercaseHex = true)
    {
        Span<byte> hash = stackalloc byte[MaxHashSize];
        var size = Compute(algorithm, key, content, hash);
        return encoding == WebhookSignatureEncoding.Hex
            ? (lowercaseHex ? Convert.ToHexStringLower(hash[..size]) : Convert.ToHexString(hash[..size]))
            : Convert.ToBase64String(hash[..size]);
    }
}
