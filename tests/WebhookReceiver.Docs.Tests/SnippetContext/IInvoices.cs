/// <summary>The application's invoice store the inbox snippet calls.</summary>
public interface IInvoices
{
    Task MarkPaidAsync(Invoice invoice, CancellationToken cancellationToken);
}
