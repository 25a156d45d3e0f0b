using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Stripe schemes.</summary>
public static class StripeBuilderExtensions
{
    /// <summary>Adds a Stripe scheme named <c>stripe</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddStripe(this WebhookBuilder builder)
        => builder.AddStripe(StripeDefaults.ProviderId);

    /// <summary>Adds a Stripe scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddStripe(this WebhookBuilder builder, string name)
        => builder.AddStripe(name, configure: null);

    /// <summary>Adds a Stripe scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddStripe(this WebhookBuilder builder, string name, Action<StripeOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, StripeScheme.Provider, configure);
    }
}
