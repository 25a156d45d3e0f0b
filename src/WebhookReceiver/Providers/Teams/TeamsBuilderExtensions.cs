using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Microsoft Teams outgoing-webhook schemes.</summary>
public static class TeamsBuilderExtensions
{
    /// <summary>Adds a Microsoft Teams outgoing-webhook scheme named <c>teams</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddTeams(this WebhookBuilder builder)
        => builder.AddTeams(TeamsDefaults.ProviderId);

    /// <summary>Adds a Microsoft Teams outgoing-webhook scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddTeams(this WebhookBuilder builder, string name)
        => builder.AddTeams(name, configure: null);

    /// <summary>Adds a Microsoft Teams outgoing-webhook scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddTeams(this WebhookBuilder builder, string name, Action<TeamsOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, TeamsScheme.Provider, configure);
    }
}
