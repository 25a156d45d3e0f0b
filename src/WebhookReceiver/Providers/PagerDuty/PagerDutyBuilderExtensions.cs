using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers PagerDuty schemes.</summary>
public static class PagerDutyBuilderExtensions
{
    /// <summary>Adds a PagerDuty scheme named <c>pagerduty</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddPagerDuty(this WebhookBuilder builder)
        => builder.AddPagerDuty(PagerDutyDefaults.ProviderId);

    /// <summary>Adds a PagerDuty scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddPagerDuty(this WebhookBuilder builder, string name)
        => builder.AddPagerDuty(name, configure: null);

    /// <summary>Adds a PagerDuty scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddPagerDuty(this WebhookBuilder builder, string name, Action<PagerDutyOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, PagerDutyScheme.Provider, configure);
    }
}
