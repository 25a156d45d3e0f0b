using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Standard Webhooks schemes.</summary>
public static class StandardWebhooksBuilderExtensions
{
    /// <summary>Adds a Standard Webhooks scheme named <c>standard-webhooks</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddStandardWebhooks(this WebhookBuilder builder)
        => builder.AddStandardWebhooks(StandardWebhooksDefaults.ProviderId);

    /// <summary>Adds a Standard Webhooks scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddStandardWebhooks(this WebhookBuilder builder, string name)
        => builder.AddStandardWebhooks(name, configure: null);

    /// <summary>Adds a Standard Webhooks scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddStandardWebhooks(this WebhookBuilder builder, string name, Action<StandardWebhooksOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, StandardWebhooksScheme.Provider, configure);
    }
}
