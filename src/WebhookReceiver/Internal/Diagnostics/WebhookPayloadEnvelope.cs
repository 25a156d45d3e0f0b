using System.Text.Json.Serialization.Metadata;

namespace WebhookReceiver.Internal;

/// <summary>
/// How a provider wraps the object its events are about (Stripe: <c>{"id","type",…,"data":{"object":{…}}}</c>): the
/// start-up reporter warns when a handler takes a payload type that looks like the inner object rather than the event,
/// since its fields would silently stay empty.
/// </summary>
/// <param name="Provider">The provider's display name, e.g. <c>Stripe</c>.</param>
/// <param name="Location">Where the object sits in the event, e.g. <c>data.object</c>.</param>
/// <param name="EnvelopeType">The library's envelope type without its type argument, e.g. <c>StripeEvent</c>.</param>
/// <param name="Members">
/// The event's top-level JSON members that mark a type as an envelope (e.g. <c>type</c> and <c>data</c>): a payload type
/// with none of them is taken for the inner object.
/// </param>
internal sealed record WebhookPayloadEnvelope(string Provider, string Location, string EnvelopeType, IReadOnlyList<string> Members)
{
    /// <summary>
    /// Whether <paramref name="info"/> looks like the inner object instead of the event: an object contract (not a
    /// primitive, <c>JsonElement</c>, <c>JsonDocument</c>, string, byte array, collection or dictionary) without extension
    /// data and with none of <see cref="Members"/> (compared ignoring case).
    /// </summary>
    public bool LooksLikeInnerObject(JsonTypeInfo info)
    {
        ArgumentNullException.ThrowIfNull(info);
        if (info.Kind != JsonTypeInfoKind.Object || info.Type == typeof(object))
            return false;
        foreach (var property in info.Properties)
        {
            if (property.IsExtensionData)
                return false;
            foreach (var member in Members)
            {
                if (string.Equals(property.Name, member, StringComparison.OrdinalIgnoreCase))
                    return false;
            }
        }
        return true;
    }
}
