using Microsoft.Extensions.Configuration;

namespace WebhookReceiver.Testing;

/// <summary>Builds schemes of a provider from a secret alone, as the tests, the Testing builders and the CLI need them.</summary>
public static class WebhookProviderExtensions
{
    /// <summary>
    /// Creates a scheme of <paramref name="provider"/> with its default options and <paramref name="secret"/>. Throws
    /// <see cref="FormatException"/> when the provider cannot read the key material (e.g. not base64 after <c>whsec_</c>).
    /// </summary>
    /// <param name="provider">The provider, e.g. one of <see cref="WebhookProviders.All"/>.</param>
    /// <param name="secret">The secret (or key) as the provider shows it.</param>
    /// <param name="name">The scheme name. The default is the provider id.</param>
    public static WebhookScheme CreateScheme(this WebhookProvider provider, string secret, string? name = null)
        => provider.CreateScheme(secret, settings: null, name);

    /// <summary>
    /// Creates a scheme of <paramref name="provider"/> with <paramref name="secret"/> and provider-specific settings
    /// (keys as in <c>Webhooks:Schemes:{name}</c>, e.g. <c>SignatureHeader</c> of the generic <c>hmac</c> provider).
    /// Validated as at start-up (<see cref="WebhookProvider.Build"/>): throws <see cref="ArgumentException"/> listing every
    /// invalid setting or unreadable key material.
    /// </summary>
    /// <param name="provider">The provider.</param>
    /// <param name="secret">The secret (or key) as the provider shows it.</param>
    /// <param name="settings">Option values by key, or <see langword="null"/>.</param>
    /// <param name="name">The scheme name. The default is the provider id.</param>
    public static WebhookScheme CreateScheme(this WebhookProvider provider, string secret, IEnumerable<KeyValuePair<string, string?>>? settings, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var options = provider.CreateOptions();
        if (settings is not null)
            provider.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), options);
        options.Secret = secret;
        return provider.Build(name ?? provider.Id, options);
    }
}
