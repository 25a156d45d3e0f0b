using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers SendGrid schemes.</summary>
public static class SendGridBuilderExtensions
{
    /// <summary>Adds a SendGrid scheme named <c>sendgrid</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddSendGrid(this WebhookBuilder builder)
        => builder.AddSendGrid(SendGridDefaults.ProviderId);

    /// <summary>Adds a SendGrid scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddSendGrid(this WebhookBuilder builder, string name)
        => builder.AddSendGrid(name, configure: null);

    /// <summary>Adds a SendGrid scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddSendGrid(this WebhookBuilder builder, string name, Action<SendGridOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, SendGridScheme.Provider, configure);
    }
}
