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

    /// <summary>
    /// Builds a scheme exactly as <c>AddWebhooks</c> does at start-up: the options are validated (a missing or malformed
    /// secret throws <see cref="ArgumentException"/> listing what is wrong, key material the provider cannot read
    /// <see cref="FormatException"/>, never showing the secret), then the keys are decoded once. The Testing package and the <c>webhook</c> tool build their schemes this way.
    /// </summary>
    /// <param name="name">The scheme name.</param>
    /// <param name="options">The options, of <see cref="OptionsType"/>.</param>
    public WebhookScheme Build(string name, WebhookSchemeOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        options.Validate(errors);
        if (errors.Count > 0)
            throw new ArgumentException(string.Join("; ", errors));
        return CreateScheme(name, options);   // unreadable key material throws FormatException, as at start-up
    }

    /// <summary>Validates options as start-up does; the message naming the scheme and its section, or null when they are valid.</summary>
    internal string? Validate(string name, WebhookSchemeOptions options)
    {
        var errors = Errors(name, options);
        return errors.Count == 0
            ? null
            : $"Webhook scheme '{name}' ({Id}) is misconfigured: {string.Join("; ", errors)}. Configure it in code or under '{WebhookOptions.SchemesSection}:{name}'.";
    }

    private List<string> Errors(string name, WebhookSchemeOptions options)
    {
        var errors = new List<string>();
        options.Validate(errors);
        if (errors.Count == 0)
        {
            try
            {
                CreateScheme(name, options);
            }
            catch (Exception e) when (e is FormatException or ArgumentException)
            {
                errors.Add(e.Message);
            }
        }
        return errors;
    }

    /// <summary>Adds a scheme of this provider to <paramref name="builder"/> (see <see cref="WebhookBuilder.AddScheme(string, WebhookProvider, Action{WebhookSchemeOptions}?)"/>).</summary>
    internal abstract void AddTo(WebhookBuilder builder, string name, Action<WebhookSchemeOptions>? configure);

    /// <summary>
    /// Binds a configuration section (keys as in <c>Webhooks:Schemes:{name}</c>) onto options created by
    /// <see cref="CreateOptions"/>; lets tools set provider-specific options without knowing the options type.
    /// </summary>
    /// <param name="section">The configuration section.</param>
    /// <param name="options">The options; must be of <see cref="OptionsType"/>.</param>
    public abstract void Bind(Microsoft.Extensions.Configuration.IConfiguration section, WebhookSchemeOptions options);

    /// <summary>
    /// Creates fresh key material that signs for this provider, in the form its schemes accept as <c>Secret</c>: a random
    /// shared secret (<c>whsec_</c> + 32 random bytes in base64, valid as a UTF-8 secret too), or a new private key for
    /// Ed25519/ECDSA providers. Used by the Testing package's wrong-secret case and for local development keys.
    /// </summary>
    public virtual string CreateSigningSecret()
        => "whsec_" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32));

    /// <inheritdoc />
    public override string ToString() => Id;
}
