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
        => WebhookPayload.TryDeserialize(webhookEvent.Json.Span, TypeInfo(json), out var payload, out error)
            ? new Webhook<T>(scheme, delivery, webhookEvent, body, context, payload)
            : null;

    public override string? CheckPayloadType(JsonSerializerOptions json)
    {
        try
        {
            _ = TypeInfo(json);
            return null;
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidCastException)
        {
            return e.Message;
        }
    }

    public override JsonTypeInfo? PayloadTypeInfo(JsonSerializerOptions json)
    {
        try
        {
            return TypeInfo(json);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or InvalidCastException)
        {
            return null;
        }
    }

    private JsonTypeInfo<T> TypeInfo(JsonSerializerOptions options)
    {
        if (_explicitTypeInfo is not null)
            return _explicitTypeInfo;
        var cached = _cached;
        if (cached is { } c && ReferenceEquals(c.Options, options))
            return c.Info;
        var info = WebhookPayload.TypeInfo<T>(options);
        _cached = (options, info);
        return info;
    }
}
