using Microsoft.Extensions.Configuration;

namespace WebhookReceiver;

/// <summary>
/// The generic HMAC scheme (<c>hmac</c>): an HMAC (SHA-1, SHA-256 or SHA-512) over a signed-content template, in a
/// header with an optional prefix, hex or base64, with optional delivery id, event type and timestamp sources; enough
/// to describe most providers that are not built in. Everything comes from <see cref="HmacOptions"/>.
/// </summary>
public sealed class HmacScheme : HmacWebhookScheme
{
    /// <summary>Builds the scheme; throws <see cref="FormatException"/> when the options are inconsistent or a secret cannot be decoded.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public HmacScheme(string name, HmacOptions options)
        : base(name, options, BuildSpec(options))
    {
    }

    /// <summary>Gets the provider descriptor (id <c>hmac</c>).</summary>
    public static WebhookProvider<HmacOptions> Provider { get; } = new(
        HmacDefaults.ProviderId, "Generic HMAC",
        static (name, options) => new HmacScheme(name, options),
        static (section, options) => section.Bind(options));

    private static Internal.HmacSchemeSpec BuildSpec(HmacOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        return options.BuildSpec(errors) ?? throw new FormatException(string.Join("; ", errors));
    }
}
