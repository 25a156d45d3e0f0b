/// <summary>The application's billing service the Stripe snippets call.</summary>
public interface IBilling
{
    Task ApplyAsync(Invoice invoice);

    Task MarkPaidAsync(Invoice invoice, CancellationToken cancellationToken);
}
