using System.Buffers;
using System.Text;

namespace WebhookReceiver.Internal;

/// <summary>
/// Concatenates the parts a scheme signs (e.g. <c>{id}.{timestamp}.{body}</c>) into one pooled buffer, so a
/// one-shot HMAC runs over contiguous bytes without allocating. Dispose returns the buffer.
/// </summary>
internal ref struct SignedContentBuffer
{
    private byte[] _buffer;
    private int _length;

    public SignedContentBuffer(int capacity)
    {
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(capacity, 256));
        _length = 0;
    }

    /// <summary>A buffer holding <paramref name="text"/>'s UTF-8 bytes then <paramref name="bytes"/> (e.g. <c>{url}{body}</c>, <c>{timestamp}{body}</c>).</summary>
    public static SignedContentBuffer Concat(string text, ReadOnlySpan<byte> bytes)
    {
        var content = new SignedContentBuffer(text.Length * 3 + bytes.Length);
        content.Append(text);
        content.Append(bytes);
        return content;
    }

    public readonly ReadOnlySpan<byte> Span => _buffer.AsSpan(0, _length);

    public void Append(ReadOnlySpan<byte> bytes)
    {
        EnsureCapacity(bytes.Length);
        bytes.CopyTo(_buffer.AsSpan(_length));
        _length += bytes.Length;
    }

    public void Append(ReadOnlySpan<char> text)
    {
        EnsureCapacity(Encoding.UTF8.GetMaxByteCount(text.Length));
        _length += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_length));
    }

    public void Append(byte b)
    {
        EnsureCapacity(1);
        _buffer[_length++] = b;
    }

    public void Dispose()
    {
        if (_buffer is not null)
            ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = null!;
    }

    private void EnsureCapacity(int extra)
    {
        if (_length + extra <= _buffer.Length)
            return;
        var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + extra));
        _buffer.AsSpan(0, _length).CopyTo(bigger);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }
}
