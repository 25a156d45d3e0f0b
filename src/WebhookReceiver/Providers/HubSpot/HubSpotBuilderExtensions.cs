using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers HubSpot schemes.</summary>
public static class HubSpotBuilderExtensions
{
    /// <summary>Adds a HubSpot scheme named <c>hubspot</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddHubSpot(this WebhookBuilder builder)
        => builder.AddHubSpot(HubSpotDefaults.ProviderId);

    /// <summary>Adds a HubSpot scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddHubSpot(this WebhookBuilder builder, string name)
        => builder.AddHubSpot(name, configure: null);

    /// <summary>Adds a HubSpot scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddHubSpot(this WebhookBuilder builder, string name, Action<HubSpotOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, HubSpotScheme.Provider, configure);
    }
}
