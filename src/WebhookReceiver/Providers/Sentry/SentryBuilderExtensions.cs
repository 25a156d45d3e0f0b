using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Sentry schemes.</summary>
public static class SentryBuilderExtensions
{
    /// <summary>Adds a Sentry scheme named <c>sentry</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddSentry(this WebhookBuilder builder)
        => builder.AddSentry(SentryDefaults.ProviderId);

    /// <summary>Adds a Sentry scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddSentry(this WebhookBuilder builder, string name)
        => builder.AddSentry(name, configure: null);

    /// <summary>Adds a Sentry scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddSentry(this WebhookBuilder builder, string name, Action<SentryOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, SentryScheme.Provider, configure);
    }
}
