using System.Buffers;
using System.Buffers.Text;

namespace WebhookReceiver.Internal;

/// <summary>Decodes signature text into bytes without allocating, so comparisons run on decoded bytes.</summary>
internal static class SignatureEncoding
{
    public static bool TryDecodeHex(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        written = 0;
        if (text.Length % 2 != 0 || text.Length / 2 > destination.Length)
            return false;
        var status = Convert.FromHexString(text, destination[..(text.Length / 2)], out _, out written);
        return status == OperationStatus.Done;
    }

    /// <summary>Decodes standard or URL-safe base64, padded or not.</summary>
    public static bool TryDecodeBase64(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        if (Convert.TryFromBase64Chars(text, destination, out written))
            return true;
        if (Base64Url.IsValid(text))
            return Base64Url.TryDecodeFromChars(text, destination, out written);
        written = 0;
        return false;
    }

    /// <summary>Decodes base64 key material once, at start-up; <see langword="null"/> when it is not base64.</summary>
    public static byte[]? DecodeBase64OrNull(string text)
    {
        var buffer = new byte[text.Length];
        return TryDecodeBase64(text, buffer, out var written) ? buffer[..written] : null;
    }

    /// <summary>Decodes hex key material once, at start-up; <see langword="null"/> when it is not hex.</summary>
    public static byte[]? DecodeHexOrNull(string text)
    {
        var buffer = new byte[text.Length / 2];
        return TryDecodeHex(text.Trim(), buffer, out var written) ? buffer[..written] : null;
    }
}
