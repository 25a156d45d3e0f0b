using System.Buffers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace WebhookReceiver.Internal;

/// <summary>
/// Reads the raw body once into pooled memory. A declared length over the limit is refused before reading;
/// an undeclared (chunked) body is refused as soon as it passes the limit, never buffered whole.
/// </summary>
internal static class RequestBodyReader
{
    private const int ChunkedInitialSize = 4096;

    /// <summary>Returns <see langword="null"/> when the body is larger than <paramref name="maxBodySize"/>.</summary>
    public static async ValueTask<PooledBody?> ReadAsync(HttpRequest request, long maxBodySize, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > maxBodySize)
            return null;

        // Kestrel's own limit (30 MB by default) must not cut in below a scheme that accepts more.
        var limit = request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (limit is { IsReadOnly: false } && limit.MaxRequestBodySize < maxBodySize)
            limit.MaxRequestBodySize = maxBodySize;

        // One byte past the limit is enough to know the body is too large.
        var ceiling = (int)Math.Min(maxBodySize + 1, int.MaxValue);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared + 1 ?? ChunkedInitialSize, ceiling));
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length >= ceiling)
                        break;
                    var bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, ceiling));
                    buffer.AsSpan(0, length).CopyTo(bigger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = bigger;
                }
                var read = await request.Body.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, ceiling) - length), cancellationToken);
                if (read == 0)
                    break;
                length += read;
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }

        if (length > maxBodySize)
        {
            ArrayPool<byte>.Shared.Return(buffer);
            return null;
        }
        return new PooledBody(buffer, length);
    }
}
