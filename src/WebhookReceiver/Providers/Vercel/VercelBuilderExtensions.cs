using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Vercel schemes.</summary>
public static class VercelBuilderExtensions
{
    /// <summary>Adds a Vercel scheme named <c>vercel</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddVercel(this WebhookBuilder builder)
        => builder.AddVercel(VercelDefaults.ProviderId);

    /// <summary>Adds a Vercel scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddVercel(this WebhookBuilder builder, string name)
        => builder.AddVercel(name, configure: null);

    /// <summary>Adds a Vercel scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddVercel(this WebhookBuilder builder, string name, Action<VercelOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, VercelScheme.Provider, configure);
    }
}
