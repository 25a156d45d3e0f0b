using WebhookReceiver;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers DocuSign schemes.</summary>
public static class DocuSignBuilderExtensions
{
    /// <summary>Adds a DocuSign scheme named <c>docusign</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    public static WebhookBuilder AddDocuSign(this WebhookBuilder builder)
        => builder.AddDocuSign(DocuSignDefaults.ProviderId);

    /// <summary>Adds a DocuSign scheme; options bind from <c>Webhooks:Schemes:{name}</c>.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    public static WebhookBuilder AddDocuSign(this WebhookBuilder builder, string name)
        => builder.AddDocuSign(name, configure: null);

    /// <summary>Adds a DocuSign scheme, setting options in code before configuration is bound.</summary>
    /// <param name="builder">The webhooks builder.</param>
    /// <param name="name">The scheme name.</param>
    /// <param name="configure">Sets options in code.</param>
    public static WebhookBuilder AddDocuSign(this WebhookBuilder builder, string name, Action<DocuSignOptions>? configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.AddScheme(name, DocuSignScheme.Provider, configure);
    }
}
