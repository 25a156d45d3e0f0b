namespace WebhookReceiver;

/// <summary>
/// Options of a WooCommerce scheme. <see cref="WebhookSchemeOptions.Secret"/> is the webhook's secret exactly as the
/// webhook's screen (WooCommerce › Settings › Advanced › Webhooks) shows it, used as UTF-8 text. The field is filled
/// with a generated secret when left empty; type your own before saving, or copy the generated one after, and
/// configure it here (options reload, so it takes effect without a restart). Several webhooks on one URL: list each
/// secret in <see cref="WebhookSchemeOptions.Secrets"/>.
/// </summary>
public sealed class WooCommerceOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with WooCommerce's defaults.</summary>
    public WooCommerceOptions() => Tolerance = WooCommerceDefaults.Tolerance;
}
