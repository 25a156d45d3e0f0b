using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Dropbox schemes.</summary>
public static class DropboxBuilderExtensions
{
    /// <summary>Adds a Dropbox scheme named <c>dropbox</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddDropbox(this WebhookBuilder builder)
        => builder.AddDropbox(DropboxDefaults.ProviderId);

    /// <summary>Adds a Dropbox scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddDropbox(this WebhookBuilder builder, string name)
        => builder.AddDropbox(name, configure: null);

    /// <summary>Adds a Dropbox scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddDropbox(this WebhookBuilder builder, string name, Action<DropboxOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, DropboxScheme.Provider, configure);
    }
}
