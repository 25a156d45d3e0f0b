using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Okta schemes.</summary>
public static class OktaBuilderExtensions
{
    /// <summary>Adds an Okta scheme named <c>okta</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddOkta(this WebhookBuilder builder)
        => builder.AddOkta(OktaDefaults.ProviderId);

    /// <summary>Adds an Okta scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddOkta(this WebhookBuilder builder, string name)
        => builder.AddOkta(name, configure: null);

    /// <summary>Adds an Okta scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddOkta(this WebhookBuilder builder, string name, Action<OktaOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, OktaScheme.Provider, configure);
    }
}
