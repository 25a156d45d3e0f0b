namespace WebhookReceiver;

/// <summary>
/// Options of a Stripe scheme. <see cref="WebhookSchemeOptions.Secret"/> is the endpoint's signing secret exactly as
/// Stripe shows it (<c>whsec_…</c>, used as UTF-8 including the prefix); during a roll, list the old and the new one.
/// The default tolerance is 300 seconds.
/// </summary>
public sealed class StripeOptions : WebhookSchemeOptions
{
    /// <summary>Creates options with Stripe's defaults.</summary>
    public StripeOptions() => Tolerance = StripeDefaults.Tolerance;
}
