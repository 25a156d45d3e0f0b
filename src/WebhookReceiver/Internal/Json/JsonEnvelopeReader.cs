using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>
/// Reads a few top-level properties (delivery id, event type) from a JSON body without deserializing it.
/// Nested values are skipped; numbers are returned as their text. Reading stops once every requested property is
/// found (they usually come first), so a large body is not scanned twice: the payload's deserializer validates the rest.
/// </summary>
internal static class JsonEnvelopeReader
{
    /// <summary>Returns <see langword="false"/> when the body is not a JSON object.</summary>
    public static bool TryRead(ReadOnlySpan<byte> json, ReadOnlySpan<byte> firstName, ReadOnlySpan<byte> secondName, out string? first, out string? second)
    {
        first = null;
        second = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                return false;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isFirst = !firstName.IsEmpty && first is null && reader.ValueTextEquals(firstName);
                var isSecond = !isFirst && !secondName.IsEmpty && second is null && reader.ValueTextEquals(secondName);
                if (!reader.Read())
                    return false;
                if (isFirst || isSecond)
                {
                    var value = ScalarText(ref reader);
                    if (isFirst) first = value; else second = value;
                    if ((firstName.IsEmpty || first is not null) && (secondName.IsEmpty || second is not null))
                        return true;
                }
                else if (!reader.TrySkip())
                {
                    return false;
                }
            }
            return true;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return false;
        }
    }

    private static string? ScalarText(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString(),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.ValueSpan),
        JsonTokenType.StartObject or JsonTokenType.StartArray => SkipAndNull(ref reader),
        _ => null,
    };

    private static string? SkipAndNull(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return null;
    }
}
