using System.Security.Cryptography;
using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Splits a JSON array of event objects (SendGrid, HubSpot) into batch items without deserializing: each item is a
/// slice of the body, with its id and event type read from two of its top-level properties.
/// </summary>
internal static class JsonBatchReader
{
    /// <summary>Whether the body's first token is <c>[</c>.</summary>
    public static bool IsArray(ReadOnlySpan<byte> json)
    {
        var start = json.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && json[start] == (byte)'[';
    }

    /// <summary>
    /// Reads every element of the array; <see langword="null"/> when the body is not an array of objects.
    /// Items whose id property is absent are keyed by a hash of their bytes (<c>event-…</c>).
    /// </summary>
    public static List<WebhookBatchItem>? TryRead(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
    {
        var items = new List<WebhookBatchItem>();
        try
        {
            var reader = new Utf8JsonReader(body.Span, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
                return null;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                if (reader.TokenType != JsonTokenType.StartObject)
                    return null;
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                var json = body[start..(int)reader.BytesConsumed];
                if (!JsonEnvelopeReader.TryRead(json.Span, idName, typeName, out var id, out var type))
                    return null;
                items.Add(new WebhookBatchItem(new WebhookEnvelope(id ?? HashOf(json.Span), type), json));
            }
            return reader.TokenType == JsonTokenType.EndArray ? items : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string HashOf(ReadOnlySpan<byte> json)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(json, hash);
        return "event-" + Convert.ToHexStringLower(hash[..16]);
    }
}
