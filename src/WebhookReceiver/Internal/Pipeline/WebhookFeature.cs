namespace WebhookReceiver.Internal;

/// <summary>Carries the verified delivery from the pipeline to parameter binding of a handler delegate.</summary>
internal sealed class WebhookFeature(Webhook webhook)
{
    public Webhook Webhook { get; } = webhook;
}
