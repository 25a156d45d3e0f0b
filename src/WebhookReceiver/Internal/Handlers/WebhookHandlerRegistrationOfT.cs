using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>Deserializes payloads of type <typeparamref name="T"/> with the scheme's JSON options (or a given type info).</summary>
internal abstract class WebhookHandlerRegistration<T> : WebhookHandlerRegistration
{
    private readonly JsonTypeInfo<T>? _explicitTypeInfo;
    private (JsonSerializerOptions Options, JsonTypeInfo<T> Info)? _cached;

    protected WebhookHandlerRegistration(JsonTypeInfo<T>? typeInfo) => _explicitTypeInfo = typeInfo;

    public override Type PayloadType => typeof(T);

    public override Webhook? CreateWebhook(JsonSerializerOptions json, string scheme, WebhookDelivery delivery, WebhookEvent webhookEvent,
        ReadOnlyMemory<byte> body, HttpContext context, out string? error)
    {
        error = null;
        T? payload;
        try
        {
            payload = JsonSerializer.Deserialize(webhookEvent.Json.Span, TypeInfo(json));
        }
        catch (JsonException e)
        {
            // The path and position only: JsonException messages do not quote the body, but keep it short anyway.
            error = $"invalid JSON at {e.Path ?? "$"} (line {e.LineNumber}, byte {e.BytePositionInLine})";
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Invalid UTF-8 or a lone surrogate inside a string, in a verified body: a malformed payload, not a crash.
            error = e.Message;
            return null;
        }
        catch (NotSupportedException e)
        {
            error = e.Message;
            return null;
        }
        if (payload is null && !typeof(T).IsValueType)
        {
            error = "the payload is null";
            return null;
        }
        return new Webhook<T>(scheme, delivery, webhookEvent, body, context, payload!);
    }

    private JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options)
    {
        if (_explicitTypeInfo is not null)
            return _explicitTypeInfo;
        var cached = _cached;
        if (cached is { } c && ReferenceEquals(c.Options, options))
            return c.Info;
        var info = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        _cached = (options, info);
        return info;
    }
}
