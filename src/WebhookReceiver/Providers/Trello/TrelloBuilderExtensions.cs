using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Trello schemes.</summary>
public static class TrelloBuilderExtensions
{
    /// <summary>Adds a Trello scheme named <c>trello</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddTrello(this WebhookBuilder builder)
        => builder.AddTrello(TrelloDefaults.ProviderId);

    /// <summary>Adds a Trello scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddTrello(this WebhookBuilder builder, string name)
        => builder.AddTrello(name, configure: null);

    /// <summary>Adds a Trello scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddTrello(this WebhookBuilder builder, string name, Action<TrelloOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, TrelloScheme.Provider, configure);
    }
}
