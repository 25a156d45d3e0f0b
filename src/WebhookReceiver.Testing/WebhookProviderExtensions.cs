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
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var options = provider.CreateOptions();
        options.Secret = secret;
        return provider.CreateScheme(name ?? provider.Id, options);
    }
}
