using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Microsoft Graph change-notification schemes.</summary>
public static class MicrosoftGraphBuilderExtensions
{
    /// <summary>Adds a Microsoft Graph change-notification scheme named <c>msgraph</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddMicrosoftGraph(this WebhookBuilder builder)
        => builder.AddMicrosoftGraph(MicrosoftGraphDefaults.ProviderId);

    /// <summary>Adds a Microsoft Graph change-notification scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddMicrosoftGraph(this WebhookBuilder builder, string name)
        => builder.AddMicrosoftGraph(name, configure: null);

    /// <summary>Adds a Microsoft Graph change-notification scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddMicrosoftGraph(this WebhookBuilder builder, string name, Action<MicrosoftGraphOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, MicrosoftGraphScheme.Provider, configure);
    }
}
