namespace WebhookReceiver;

/// <summary>
/// Describes a provider (Stripe, GitHub, Standard Webhooks, ...): its id, its options type and how to build a
/// scheme from options. The CLI, the Testing package and the convention tests walk <see cref="WebhookProviders.All"/>.
/// </summary>
public abstract class WebhookProvider
{
    private protected WebhookProvider(string id, string displayName)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        ArgumentException.ThrowIfNullOrEmpty(displayName);
        Id = id;
        DisplayName = displayName;
    }

    /// <summary>Gets the provider id used by the CLI's <c>--provider</c> and in the docs, e.g. <c>stripe</c>.</summary>
    public string Id { get; }

    /// <summary>Gets the provider's display name, e.g. <c>Stripe</c>.</summary>
    public string DisplayName { get; }

    /// <summary>Gets the options type of the provider's schemes.</summary>
    public abstract Type OptionsType { get; }

    /// <summary>Creates options with the provider's defaults.</summary>
    public abstract WebhookSchemeOptions CreateOptions();

    /// <summary>Builds a scheme from options created by <see cref="CreateOptions"/>.</summary>
    /// <param name="name">The scheme name.</param>
    /// <param name="options">The options; must be of <see cref="OptionsType"/>.</param>
    public abstract WebhookScheme CreateScheme(string name, WebhookSchemeOptions options);

    /// <summary>Adds a scheme of this provider to <paramref name="builder"/> (see <see cref="WebhookBuilder.AddScheme(string, WebhookProvider, Action{WebhookSchemeOptions}?)"/>).</summary>
    internal abstract void AddTo(WebhookBuilder builder, string name, Action<WebhookSchemeOptions>? configure);

    /// <inheritdoc />
    public override string ToString() => Id;
}
