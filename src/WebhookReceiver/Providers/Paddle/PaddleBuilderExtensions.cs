using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Paddle schemes.</summary>
public static class PaddleBuilderExtensions
{
    /// <summary>Adds a Paddle scheme named <c>paddle</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddPaddle(this WebhookBuilder builder)
        => builder.AddPaddle(PaddleDefaults.ProviderId);

    /// <summary>Adds a Paddle scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddPaddle(this WebhookBuilder builder, string name)
        => builder.AddPaddle(name, configure: null);

    /// <summary>Adds a Paddle scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddPaddle(this WebhookBuilder builder, string name, Action<PaddleOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, PaddleScheme.Provider, configure);
    }
}
