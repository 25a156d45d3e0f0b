using System.Buffers;
using System.Text;
using System.Text.Json;

namespace WebhookReceiver.Internal;

/// <summary>Builds the answers to provider handshakes (Slack, Zoom, Twitch challenges).</summary>
internal static class HandshakeResponses
{
    /// <summary>A handshake that lacks the value to answer with: the generic 400 problem details.</summary>
    public static readonly WebhookHandshakeResponse BadRequest = new(400, "application/problem+json", WebhookResponses.BadRequest);

    /// <summary>200 with a JSON object of string properties, e.g. <c>{"challenge":"…"}</c>.</summary>
    public static WebhookHandshakeResponse Json(params ReadOnlySpan<(string Name, string Value)> properties)
    {
        var body = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(body))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in properties)
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        return new WebhookHandshakeResponse(200, "application/json", body.WrittenMemory);
    }

    /// <summary>200 with a <c>text/plain</c> body, e.g. Twitch's raw challenge.</summary>
    public static WebhookHandshakeResponse Text(string text) => new(200, "text/plain", Encoding.UTF8.GetBytes(text));
}
