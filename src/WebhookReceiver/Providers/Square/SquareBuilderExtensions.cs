using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Square schemes.</summary>
public static class SquareBuilderExtensions
{
    /// <summary>Adds a Square scheme named <c>square</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddSquare(this WebhookBuilder builder)
        => builder.AddSquare(SquareDefaults.ProviderId);

    /// <summary>Adds a Square scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddSquare(this WebhookBuilder builder, string name)
        => builder.AddSquare(name, configure: null);

    /// <summary>Adds a Square scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddSquare(this WebhookBuilder builder, string name, Action<SquareOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, SquareScheme.Provider, configure);
    }
}
