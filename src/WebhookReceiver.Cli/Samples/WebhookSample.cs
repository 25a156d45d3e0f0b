using System.Text.Json;

namespace WebhookReceiver.Cli.Samples;

/// <summary>A built-in example delivery of a provider: its event type, media type and body.</summary>
internal sealed class WebhookSample
{
    /// <summary>The name given to <c>--sample</c>, usually the event type.</summary>
    public string Name { get; set; } = "";

    /// <summary>The event type passed to the signer (providers that send it in a header use it).</summary>
    public string? EventType { get; set; }

    /// <summary>The media type of the body. The default is <c>application/json</c>.</summary>
    public string ContentType { get; set; } = "application/json";

    /// <summary>The body: a JSON value sent as written, or a string sent as its text (form bodies).</summary>
    public JsonElement Body { get; set; }

    /// <summary>The body bytes: a string as its UTF-8 text, JSON compact (as providers send it), non-ASCII unescaped.</summary>
    public byte[] GetBody()
    {
        if (Body.ValueKind == JsonValueKind.String)
            return System.Text.Encoding.UTF8.GetBytes(Body.GetString()!);
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            Body.WriteTo(writer);
        return buffer.WrittenSpan.ToArray();
    }
}
