using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Calendly schemes.</summary>
public static class CalendlyBuilderExtensions
{
    /// <summary>Adds a Calendly scheme named <c>calendly</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddCalendly(this WebhookBuilder builder)
        => builder.AddCalendly(CalendlyDefaults.ProviderId);

    /// <summary>Adds a Calendly scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddCalendly(this WebhookBuilder builder, string name)
        => builder.AddCalendly(name, configure: null);

    /// <summary>Adds a Calendly scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddCalendly(this WebhookBuilder builder, string name, Action<CalendlyOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, CalendlyScheme.Provider, configure);
    }
}
