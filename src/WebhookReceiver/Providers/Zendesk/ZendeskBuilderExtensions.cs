using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Zendesk schemes.</summary>
public static class ZendeskBuilderExtensions
{
    /// <summary>Adds a Zendesk scheme named <c>zendesk</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddZendesk(this WebhookBuilder builder)
        => builder.AddZendesk(ZendeskDefaults.ProviderId);

    /// <summary>Adds a Zendesk scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddZendesk(this WebhookBuilder builder, string name)
        => builder.AddZendesk(name, configure: null);

    /// <summary>Adds a Zendesk scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddZendesk(this WebhookBuilder builder, string name, Action<ZendeskOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, ZendeskScheme.Provider, configure);
    }
}
