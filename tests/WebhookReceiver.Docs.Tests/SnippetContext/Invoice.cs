using System.Text.Json.Serialization;

/// <summary>The part of a Stripe invoice the application reads (<c>data.object</c> of <c>invoice.paid</c>).</summary>
public sealed record Invoice(string Id, [property: JsonPropertyName("amount_paid")] long AmountPaid, string? Currency);
