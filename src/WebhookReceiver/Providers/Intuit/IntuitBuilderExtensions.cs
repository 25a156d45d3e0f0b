using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Intuit QuickBooks schemes.</summary>
public static class IntuitBuilderExtensions
{
    /// <summary>Adds an Intuit QuickBooks scheme named <c>intuit</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddIntuit(this WebhookBuilder builder)
        => builder.AddIntuit(IntuitDefaults.ProviderId);

    /// <summary>Adds an Intuit QuickBooks scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddIntuit(this WebhookBuilder builder, string name)
        => builder.AddIntuit(name, configure: null);

    /// <summary>Adds an Intuit QuickBooks scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddIntuit(this WebhookBuilder builder, string name, Action<IntuitOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, IntuitScheme.Provider, configure);
    }
}
