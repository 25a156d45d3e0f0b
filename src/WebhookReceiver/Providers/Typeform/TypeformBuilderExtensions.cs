using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Typeform schemes.</summary>
public static class TypeformBuilderExtensions
{
    /// <summary>Adds a Typeform scheme named <c>typeform</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddTypeform(this WebhookBuilder builder)
        => builder.AddTypeform(TypeformDefaults.ProviderId);

    /// <summary>Adds a Typeform scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddTypeform(this WebhookBuilder builder, string name)
        => builder.AddTypeform(name, configure: null);

    /// <summary>Adds a Typeform scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddTypeform(this WebhookBuilder builder, string name, Action<TypeformOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, TypeformScheme.Provider, configure);
    }
}
