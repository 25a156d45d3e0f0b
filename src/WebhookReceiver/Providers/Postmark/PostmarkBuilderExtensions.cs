using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Postmark schemes.</summary>
public static class PostmarkBuilderExtensions
{
    /// <summary>Adds a Postmark scheme named <c>postmark</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddPostmark(this WebhookBuilder builder)
        => builder.AddPostmark(PostmarkDefaults.ProviderId);

    /// <summary>Adds a Postmark scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddPostmark(this WebhookBuilder builder, string name)
        => builder.AddPostmark(name, configure: null);

    /// <summary>Adds a Postmark scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddPostmark(this WebhookBuilder builder, string name, Action<PostmarkOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, PostmarkScheme.Provider, configure);
    }
}
