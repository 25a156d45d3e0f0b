using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers generic HMAC schemes.</summary>
public static class HmacBuilderExtensions
{
    /// <summary>Adds a generic HMAC scheme named <c>hmac</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddHmac(this WebhookBuilder builder)
        => builder.AddHmac(HmacDefaults.ProviderId);

    /// <summary>Adds a generic HMAC scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddHmac(this WebhookBuilder builder, string name)
        => builder.AddHmac(name, configure: null);

    /// <summary>Adds a generic HMAC scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code (at least <see cref="HmacOptions.SignatureHeader"/> and the secret).</param>
    public static WebhookBuilder AddHmac(this WebhookBuilder builder, string name, Action<HmacOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, HmacScheme.Provider, configure);
    }
}
