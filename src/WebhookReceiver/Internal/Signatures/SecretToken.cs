using System.Security.Cryptography;
using System.Text;

namespace WebhookReceiver.Internal;

/// <summary>
/// Compares a plain token from a request (GitLab's <c>X-Gitlab-Token</c>, Meta's <c>hub.verify_token</c>, Postmark's Basic credentials) with the
/// configured ones in constant time: both sides are SHA-256 hashed first, so neither content nor length leaks.
/// </summary>
internal static class SecretToken
{
    private const int HashSize = 32;
    private const int StackLimit = 512;

    /// <summary>Hashes a configured token once, at start-up.</summary>
    public static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));

    /// <summary>Whether <paramref name="candidate"/> equals any configured token; every hash is compared.</summary>
    public static bool MatchesAny(byte[][] hashes, ReadOnlySpan<char> candidate)
    {
        var max = Encoding.UTF8.GetMaxByteCount(candidate.Length);
        Span<byte> utf8 = max <= StackLimit ? stackalloc byte[StackLimit] : new byte[max];
        var length = Encoding.UTF8.GetBytes(candidate, utf8);
        return MatchesAny(hashes, utf8[..length]);
    }

    /// <summary>Whether the UTF-8 bytes <paramref name="candidate"/> equal any configured token (decoded credentials, e.g. Basic authentication's); every hash is compared.</summary>
    public static bool MatchesAny(byte[][] hashes, ReadOnlySpan<byte> candidate)
    {
        Span<byte> hash = stackalloc byte[HashSize];
        SHA256.HashData(candidate, hash);
        var match = false;
        foreach (var expected in hashes)
            match |= CryptographicOperations.FixedTimeEquals(hash, expected);
        return match;
    }
}
