using System.Buffers;

namespace WebhookReceiver.Internal;

/// <summary>A request body read into a rented array; disposing returns the array to the pool.</summary>
internal readonly struct PooledBody(byte[] buffer, int length) : IDisposable
{
    public ReadOnlyMemory<byte> Memory => buffer.AsMemory(0, length);

    public int Length => length;

    public void Dispose() => ArrayPool<byte>.Shared.Return(buffer);
}
