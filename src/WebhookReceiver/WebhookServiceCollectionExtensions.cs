using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers webhook verification.</summary>
public static class WebhookServiceCollectionExtensions
{
    /// <summary>
    /// Adds webhook verification: the scheme registry, the in-memory nonce store (replace it with a shared one for
    /// several instances), logging, metrics and <see cref="TimeProvider.System"/> unless one is registered.
    /// Add schemes on the returned builder, e.g. <c>.AddStandardWebhooks("orders")</c>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    public static WebhookBuilder AddWebhooks(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        return WebhookBuilder.Create(services);
    }

    /// <summary>Adds webhook verification and sets the options shared by every endpoint.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets <see cref="WebhookOptions"/>.</param>
    public static WebhookBuilder AddWebhooks(this IServiceCollection services, Action<WebhookOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var builder = services.AddWebhooks();
        services.Configure(configure);
        return builder;
    }
}
