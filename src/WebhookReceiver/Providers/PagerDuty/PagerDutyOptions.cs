namespace WebhookReceiver;

/// <summary>
/// Options of a PagerDuty scheme: the webhook subscription's secret in <see cref="WebhookSchemeOptions.Secret"/>
/// (several in <see cref="WebhookSchemeOptions.Secrets"/> during a rotation).
/// </summary>
public sealed class PagerDutyOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with PagerDuty's defaults.</summary>
    public PagerDutyOptions() => Tolerance = PagerDutyDefaults.Tolerance;
}
