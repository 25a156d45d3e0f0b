namespace WebhookReceiver;

/// <summary>Names and defaults of the PagerDuty scheme (v3 webhooks).</summary>
public static class PagerDutyDefaults
{
    /// <summary>The provider id and default scheme name: <c>pagerduty</c>.</summary>
    public const string ProviderId = "pagerduty";

    /// <summary>The signature header: <c>v1=&lt;hex&gt;</c> entries separated by commas, each an HMAC-SHA256 of the body with one of the subscription's secrets.</summary>
    public const string SignatureHeader = "X-PagerDuty-Signature";

    /// <summary>The prefix of each entry of <see cref="SignatureHeader"/>.</summary>
    public const string SignaturePrefix = "v1=";

    /// <summary>The separator of the entries of <see cref="SignatureHeader"/>.</summary>
    public const string SignatureSeparator = ",";

    /// <summary>The body object holding the event: <c>event</c>.</summary>
    public const string EventObject = "event";

    /// <summary>The property of <see cref="EventObject"/> holding the event id.</summary>
    public const string IdProperty = "id";

    /// <summary>The property of <see cref="EventObject"/> holding the event type, e.g. <c>incident.triggered</c>.</summary>
    public const string EventTypeProperty = "event_type";

    /// <summary>The tolerance: PagerDuty signs no timestamp, so it only sets the least replay retention (twice it). 5 minutes.</summary>
    public static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
}
