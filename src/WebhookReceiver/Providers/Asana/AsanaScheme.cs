using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Asana scheme: <c>X-Hook-Signature: &lt;hex&gt;</c>, HMAC-SHA256 of the body with the webhook's secret. The body
/// <c>{"events":[…]}</c> is split per event, each dispatched by <c>{resource.resource_type}.{action}</c> (e.g.
/// <c>task.changed</c>, signed) and claimed by a hash of its own signed bytes: Asana's events carry no id and it signs no
/// timestamp. A heartbeat (<c>{"events":[]}</c>) runs no handler; a signed object body without <c>events</c> is read as
/// one event. The handshake that creates a webhook (an unsigned POST
/// carrying <c>X-Hook-Secret</c>) is answered 200 echoing that header, which is all Asana needs; the secret to verify
/// with is taken from Asana's response to the creating request, never from the unsigned handshake (see
/// <see cref="AsanaOptions"/>).
/// </summary>
public sealed class AsanaScheme : HmacWebhookScheme, IWebhookUnsignedHandshake
{
    private static readonly string[] EventsPath = ["events"];

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(AsanaDefaults.SignatureHeader, string.Empty, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
    };

    /// <summary>Builds the scheme, taking its secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public AsanaScheme(string name, AsanaOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>asana</c>).</summary>
    public static WebhookProvider<AsanaOptions> Provider { get; } = new(
        AsanaDefaults.ProviderId, "Asana",
        static (name, options) => new AsanaScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Answers the handshake: 200 with <c>X-Hook-Secret</c> echoed, when the request carries exactly one
    /// <c>X-Hook-Secret</c> of at most <see cref="AsanaDefaults.MaxSecretLength"/> visible ASCII characters and no
    /// signature; otherwise <see langword="null"/>. The body is not read.
    /// </summary>
    /// <param name="request">The request that failed verification.</param>
    public WebhookHandshakeResponse? AnswerUnsigned(WebhookRequest request)
    {
        if (!request.Headers.TryGetValue(AsanaDefaults.SecretHeader, out var values) || values.Count != 1
            || request.Headers.ContainsKey(AsanaDefaults.SignatureHeader))
            return null;
        var secret = values[0];
        if (string.IsNullOrEmpty(secret) || secret.Length > AsanaDefaults.MaxSecretLength || !IsVisibleAscii(secret))
            return null;
        return new WebhookHandshakeResponse(200, "text/plain; charset=utf-8", ReadOnlyMemory<byte>.Empty)
        {
            Headers = [new(AsanaDefaults.SecretHeader, secret)],
        };
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (!JsonItemsReader.TryRead(body, EventsPath, ReadEvent, out var items))
            return null;
        if (items is not null)
            return new WebhookDelivery(new WebhookEvent(default, default, body), items);
        return ReadEvent(body) is { } single ? new WebhookDelivery(single) : null;
    }

    private static WebhookEvent? ReadEvent(ReadOnlyMemory<byte> json)
    {
        if (!JsonEnvelopeReader.TryRead(json.Span, "action"u8, default, out var action, out _)
            || !JsonNestedReader.TryRead(json.Span, "resource"u8, "resource_type"u8, out var resourceType))
            return null;
        var type = action is null ? resourceType : resourceType is null ? action : resourceType + "." + action;
        return new WebhookEvent(default, WebhookValue.FromSigned(type), json);
    }

    private static bool IsVisibleAscii(string value)
    {
        foreach (var c in value)
        {
            if (c is < '!' or > '~')
                return false;
        }
        return true;
    }
}
