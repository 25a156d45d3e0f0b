using Microsoft.Extensions.Configuration;

namespace WebhookReceiver;

/// <summary>A provider whose schemes use options of type <typeparamref name="TOptions"/>.</summary>
/// <typeparam name="TOptions">The options type.</typeparam>
public sealed class WebhookProvider<TOptions> : WebhookProvider
    where TOptions : WebhookSchemeOptions, new()
{
    private readonly Func<string, TOptions, WebhookScheme> _factory;
    private readonly Action<IConfiguration, TOptions> _bind;

    /// <summary>Describes a provider.</summary>
    /// <param name="id">The provider id, e.g. <c>stripe</c>.</param>
    /// <param name="displayName">The display name, e.g. <c>Stripe</c>.</param>
    /// <param name="factory">Builds a scheme from its name and options.</param>
    /// <param name="bind">
    /// Binds a configuration section onto options. Written in each provider as <c>section.Bind(options)</c> on the
    /// concrete type, so the configuration binding source generator keeps it trim- and AOT-safe.
    /// </param>
    public WebhookProvider(string id, string displayName, Func<string, TOptions, WebhookScheme> factory, Action<IConfiguration, TOptions> bind)
        : base(id, displayName)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(bind);
        _factory = factory;
        _bind = bind;
    }

    /// <inheritdoc />
    public override Type OptionsType => typeof(TOptions);

    /// <inheritdoc />
    public override WebhookSchemeOptions CreateOptions() => new TOptions();

    /// <inheritdoc />
    public override WebhookScheme CreateScheme(string name, WebhookSchemeOptions options)
        => options is TOptions typed
            ? _factory(name, typed)
            : throw new ArgumentException($"Provider '{Id}' takes options of type {typeof(TOptions).Name}.", nameof(options));

    internal override void AddTo(WebhookBuilder builder, string name, Action<WebhookSchemeOptions>? configure)
        => builder.AddScheme<TOptions>(name, this, configure is null ? null : options => configure(options));

    /// <summary>Binds <paramref name="section"/> onto <paramref name="options"/>.</summary>
    /// <param name="section">The configuration section, e.g. <c>Webhooks:Schemes:stripe</c>.</param>
    /// <param name="options">The options to fill.</param>
    public void Bind(IConfiguration section, TOptions options) => _bind(section, options);
}
