using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Twilio schemes.</summary>
public static class TwilioBuilderExtensions
{
    /// <summary>Adds a Twilio scheme named <c>twilio</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddTwilio(this WebhookBuilder builder)
        => builder.AddTwilio(TwilioDefaults.ProviderId);

    /// <summary>Adds a Twilio scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddTwilio(this WebhookBuilder builder, string name)
        => builder.AddTwilio(name, configure: null);

    /// <summary>Adds a Twilio scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddTwilio(this WebhookBuilder builder, string name, Action<TwilioOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, TwilioScheme.Provider, configure);
    }
}
