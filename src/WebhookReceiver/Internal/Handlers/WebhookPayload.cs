using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace WebhookReceiver.Internal;

/// <summary>Deserializes a verified event's JSON into a handler's payload type; every failure is an error text, never an exception.</summary>
internal static class WebhookPayload
{
    public static bool TryDeserialize<T>(ReadOnlySpan<byte> json, JsonTypeInfo<T> typeInfo, out T payload, out string? error)
    {
        payload = default!;
        error = null;
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(json, typeInfo);
        }
        catch (JsonException e)
        {
            // The path and position only: JsonException messages do not quote the body, but keep it short anyway.
            error = $"invalid JSON at {e.Path ?? "$"} (line {e.LineNumber}, byte {e.BytePositionInLine})";
            return false;
        }
        catch (InvalidOperationException e)
        {
            // Invalid UTF-8 or a lone surrogate inside a string, in a verified body: a malformed payload, not a crash.
            error = e.Message;
            return false;
        }
        catch (NotSupportedException e)
        {
            error = e.Message;
            return false;
        }
        if (value is null && !typeof(T).IsValueType)
        {
            error = "the payload is null";
            return false;
        }
        payload = value!;
        return true;
    }

    /// <summary>The type info of <typeparamref name="T"/> from the options' resolver (source-generated contexts for AOT).</summary>
    public static JsonTypeInfo<T> TypeInfo<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
