/// <summary>The <c>data</c> of an <c>order.created</c> event.</summary>
public sealed record OrderCreated(string OrderId, decimal Amount);
