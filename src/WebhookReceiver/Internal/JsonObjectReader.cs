using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>Finds a nested object of a JSON body (e.g. Mailgun's <c>signature</c>) without deserializing it.</summary>
internal static class JsonObjectReader
{
    /// <summary>The raw bytes of the top-level property <paramref name="name"/> when its value is an object.</summary>
    public static bool TryFindObject(ReadOnlySpan<byte> json, ReadOnlySpan<byte> name, out ReadOnlySpan<byte> value)
    {
        value = default;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var match = reader.ValueTextEquals(name);
                if (!reader.Read())
                    return false;
                if (match && reader.TokenType == JsonTokenType.StartObject)
                {
                    var start = (int)reader.TokenStartIndex;
                    reader.Skip();
                    value = json[start..(int)reader.BytesConsumed];
                    return true;
                }
                if (!reader.TrySkip())
                    return false;
            }
            return false;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
