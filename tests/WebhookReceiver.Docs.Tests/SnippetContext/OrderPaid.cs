/// <summary>The <c>data</c> of an <c>order.paid</c> event.</summary>
public sealed record OrderPaid(string OrderId, string? PaymentMethod);
