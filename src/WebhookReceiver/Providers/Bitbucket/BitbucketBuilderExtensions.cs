using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Bitbucket schemes.</summary>
public static class BitbucketBuilderExtensions
{
    /// <summary>Adds a Bitbucket scheme named <c>bitbucket</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddBitbucket(this WebhookBuilder builder)
        => builder.AddBitbucket(BitbucketDefaults.ProviderId);

    /// <summary>Adds a Bitbucket scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddBitbucket(this WebhookBuilder builder, string name)
        => builder.AddBitbucket(name, configure: null);

    /// <summary>Adds a Bitbucket scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddBitbucket(this WebhookBuilder builder, string name, Action<BitbucketOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, BitbucketScheme.Provider, configure);
    }
}
