using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Azure Event Grid schemes.</summary>
public static class EventGridBuilderExtensions
{
    /// <summary>Adds an Azure Event Grid scheme named <c>eventgrid</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddEventGrid(this WebhookBuilder builder)
        => builder.AddEventGrid(EventGridDefaults.ProviderId);

    /// <summary>Adds an Azure Event Grid scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddEventGrid(this WebhookBuilder builder, string name)
        => builder.AddEventGrid(name, configure: null);

    /// <summary>Adds an Azure Event Grid scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddEventGrid(this WebhookBuilder builder, string name, Action<EventGridOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, EventGridScheme.Provider, configure);
    }
}
