using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Segment schemes.</summary>
public static class SegmentBuilderExtensions
{
    /// <summary>Adds a Segment scheme named <c>segment</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddSegment(this WebhookBuilder builder)
        => builder.AddSegment(SegmentDefaults.ProviderId);

    /// <summary>Adds a Segment scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddSegment(this WebhookBuilder builder, string name)
        => builder.AddSegment(name, configure: null);

    /// <summary>Adds a Segment scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddSegment(this WebhookBuilder builder, string name, Action<SegmentOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, SegmentScheme.Provider, configure);
    }
}
