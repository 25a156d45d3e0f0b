using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers Mailgun schemes.</summary>
public static class MailgunBuilderExtensions
{
    /// <summary>Adds a Mailgun scheme named <c>mailgun</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddMailgun(this WebhookBuilder builder)
        => builder.AddMailgun(MailgunDefaults.ProviderId);

    /// <summary>Adds a Mailgun scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddMailgun(this WebhookBuilder builder, string name)
        => builder.AddMailgun(name, configure: null);

    /// <summary>Adds a Mailgun scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddMailgun(this WebhookBuilder builder, string name, Action<MailgunOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, MailgunScheme.Provider, configure);
    }
}
