using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Linear schemes.</summary>
public static class LinearBuilderExtensions
{
    /// <summary>Adds a Linear scheme named <c>linear</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddLinear(this WebhookBuilder builder)
        => builder.AddLinear(LinearDefaults.ProviderId);

    /// <summary>Adds a Linear scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddLinear(this WebhookBuilder builder, string name)
        => builder.AddLinear(name, configure: null);

    /// <summary>Adds a Linear scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddLinear(this WebhookBuilder builder, string name, Action<LinearOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, LinearScheme.Provider, configure);
    }
}
