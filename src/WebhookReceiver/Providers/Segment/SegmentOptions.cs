namespace WebhookReceiver;

/// <summary>
/// Options of a Segment scheme. <see cref="WebhookSchemeOptions.Secret"/> is the shared secret set on the Webhooks
/// destination (Webhooks (Actions): Settings › Advanced Settings), used as UTF-8 text; Segment signs only when one is
/// set. During a rotation, list the old and the new one in <see cref="WebhookSchemeOptions.Secrets"/>.
/// </summary>
public sealed class SegmentOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with Segment's defaults.</summary>
    public SegmentOptions() => Tolerance = SegmentDefaults.Tolerance;
}
