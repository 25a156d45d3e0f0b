using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver;

/// <summary>The <c>data</c> of a <see cref="StripeEvent{TObject}"/>: the object the event is about and what changed.</summary>
/// <typeparam name="TObject">The type of the object in <c>data.object</c>.</typeparam>
public sealed class StripeEventData<TObject>
{
    /// <summary>Gets or sets the object the event is about (<c>data.object</c>), e.g. the invoice of <c>invoice.paid</c>.</summary>
    [JsonPropertyName("object")]
    [SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Stripe names the member data.object.")]
    public TObject Object { get; set; } = default!;

    /// <summary>
    /// Gets or sets the names and previous values of the attributes that changed (<c>data.previous_attributes</c>), only in
    /// <c>*.updated</c> events; <see langword="null"/> otherwise.
    /// </summary>
    [JsonPropertyName("previous_attributes")]
    public JsonElement? PreviousAttributes { get; set; }
}
