namespace WebhookReceiver.Internal;

/// <summary>The live scheme of one registration: rebuilt when its options change, so secrets rotate without a restart.</summary>
internal abstract class WebhookSchemeHandle(string name, WebhookProvider provider)
{
    public string Name { get; } = name;

    public WebhookProvider Provider { get; } = provider;

    public abstract WebhookScheme Current { get; }
}
