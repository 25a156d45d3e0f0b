namespace WebhookReceiver.Internal;

/// <summary>Reads the delivery of a provider that puts its id and event type inside the signed JSON body.</summary>
internal static class JsonDeliveryReader
{
    /// <summary>One event whose id and type are top-level properties of the (verified) JSON object body; null when it is not one.</summary>
    public static WebhookDelivery? Read(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> idName, ReadOnlySpan<byte> typeName)
        => JsonEnvelopeReader.TryRead(body.Span, idName, typeName, out var id, out var type)
            ? new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), body))
            : null;
}
