/// <summary>The application's order service the quick start calls.</summary>
public interface IOrders
{
    Task CreateAsync(OrderCreated order, CancellationToken cancellationToken);

    Task MarkPaidAsync(OrderPaid order, CancellationToken cancellationToken);
}
