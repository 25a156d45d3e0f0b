using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace WebhookReceiver;

/// <summary>
/// Builds the replay keys the nonce store holds: a signed delivery id as it is when short and plain, else a fixed-length
/// hash of it; a hash of the signed content where the provider signs no id. Keys are bounded whatever the request holds.
/// Public so that schemes written outside this library key their deliveries the same way.
/// </summary>
public static class WebhookReplayKeys
{
    /// <summary>The longest id used as it is; longer ones are hashed.</summary>
    public const int MaxPlainIdLength = 64;

    private static readonly SearchValues<char> PlainIdCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.~+=@");

    /// <summary>
    /// Gets the key of a delivery id the provider signs: the id itself when it has at most <see cref="MaxPlainIdLength"/>
    /// plain characters (letters, digits, <c>-_.~+=@</c>), otherwise <c>h:</c> and a hash of it.
    /// </summary>
    /// <param name="signedId">The signed id.</param>
    public static string ForSignedId(string signedId)
    {
        ArgumentException.ThrowIfNullOrEmpty(signedId);
        if (signedId.Length <= MaxPlainIdLength && !signedId.AsSpan().ContainsAnyExcept(PlainIdCharacters))
            return signedId;
        var length = Encoding.UTF8.GetMaxByteCount(signedId.Length);
        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = Encoding.UTF8.GetBytes(signedId, rented);
            return Hash("h:", rented.AsSpan(0, written));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// Gets the key of a delivery the provider signs no id for: <c>c:</c> and a hash of the bytes its signature covers
    /// (leave out a signed timestamp, so that the provider's re-signed retry of the same content is a duplicate). Never
    /// the signature's text, which can be re-encoded.
    /// </summary>
    /// <param name="signedContent">The signed content.</param>
    public static string ForSignedContent(ReadOnlySpan<byte> signedContent) => Hash("c:", signedContent);

    private static string Hash(string prefix, ReadOnlySpan<byte> value)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(value, hash);
        return string.Concat(prefix, Convert.ToHexStringLower(hash[..20]));
    }
}
