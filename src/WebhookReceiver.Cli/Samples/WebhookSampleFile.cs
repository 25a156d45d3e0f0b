namespace WebhookReceiver.Cli.Samples;

/// <summary>The content of one provider's sample file.</summary>
internal sealed class WebhookSampleFile
{
    public List<WebhookSample> Samples { get; set; } = [];
}
