using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Xero schemes.</summary>
public static class XeroBuilderExtensions
{
    /// <summary>Adds a Xero scheme named <c>xero</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddXero(this WebhookBuilder builder)
        => builder.AddXero(XeroDefaults.ProviderId);

    /// <summary>Adds a Xero scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddXero(this WebhookBuilder builder, string name)
        => builder.AddXero(name, configure: null);

    /// <summary>Adds a Xero scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddXero(this WebhookBuilder builder, string name, Action<XeroOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, XeroScheme.Provider, configure);
    }
}
