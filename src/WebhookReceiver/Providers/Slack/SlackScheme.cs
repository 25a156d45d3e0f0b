using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Slack scheme: HMAC-SHA256 (hex) over <c>v0:{X-Slack-Request-Timestamp}:{body}</c> in <c>X-Slack-Signature: v0=…</c>,
/// for JSON (Events API) and form (slash commands, interactivity) bodies alike. Event type and delivery id:
/// <list type="bullet">
/// <item>Events API: the inner <c>event.type</c> of an <c>event_callback</c> (e.g. <c>app_mention</c>), else the body's
/// <c>type</c>; the delivery id is <c>event_id</c>. <c>url_verification</c> is answered by the library with its <c>challenge</c>.</item>
/// <item>Interactivity (<c>payload=</c> JSON): the payload's <c>type</c> (e.g. <c>block_actions</c>) and <c>trigger_id</c>;
/// handlers receive the payload JSON.</item>
/// <item>Slash commands: the <c>command</c> (e.g. <c>/deploy</c>) and <c>trigger_id</c>; handlers receive the form fields
/// as a JSON object (see <see cref="SlackSlashCommand"/>).</item>
/// </list>
/// Without a delivery id the replay key is a hash of the signature.
/// </summary>
public sealed class SlackScheme : WebhookScheme
{
    private static readonly SplitTimestampFormat Format = new(SlackDefaults.SignatureHeader, SlackDefaults.TimestampHeader, SlackDefaults.Version);
    private static readonly WebhookHandshakeResponse SslCheckAnswer = HandshakeResponses.Text("");

    private readonly byte[][] _keys;

    /// <summary>Builds the scheme, taking its Signing Secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SlackScheme(string name, SlackOptions options)
        : base(name, options)
        => _keys = HmacSignature.Utf8Keys(options);

    /// <summary>Gets the provider descriptor (id <c>slack</c>).</summary>
    public static WebhookProvider<SlackOptions> Provider { get; } = new(
        SlackDefaults.ProviderId, "Slack",
        static (name, options) => new SlackScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    protected override string? SignatureHeaderName => SlackDefaults.SignatureHeader;

    /// <inheritdoc />
    public override WebhookVerificationResult Verify(in WebhookRequest request, DateTimeOffset now)
        => Format.Verify(request, _keys, Options.Tolerance, now);

    /// <inheritdoc />
    public override bool TryReadEnvelope(in WebhookRequest request, out WebhookEnvelope envelope)
    {
        envelope = default;
        var body = request.Body.Span;
        string? type, id;
        if (SlackForm.IsJson(body))
        {
            if (!JsonEnvelopeReader.TryRead(body, "type"u8, "event_id"u8, out type, out id))
                return false;
            if (type == SlackDefaults.EventCallbackEvent && JsonNestedReader.TryRead(body, "event"u8, "type"u8, out var inner) && inner is not null)
                type = inner;
        }
        else if (SlackForm.Read(body) is not { } form)
        {
            return false;
        }
        else if (SlackForm.Field(form, SlackForm.PayloadField) is { } payload)
        {
            if (!JsonEnvelopeReader.TryRead(System.Text.Encoding.UTF8.GetBytes(payload), "type"u8, "trigger_id"u8, out type, out id))
                return false;
        }
        else
        {
            type = SlackForm.Field(form, "ssl_check") is not null ? SlackDefaults.SslCheckEvent : SlackForm.Field(form, "command");
            id = SlackForm.Field(form, "trigger_id");
        }
        envelope = new WebhookEnvelope(id, type);
        return true;
    }

    /// <summary>
    /// Answers the Events API <c>url_verification</c> with <c>{"challenge":…}</c>, and a slash command's SSL check with an
    /// empty 200; both only after verification.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    /// <param name="envelope">Its event type.</param>
    public override WebhookHandshakeResponse? GetHandshakeResponse(in WebhookRequest request, in WebhookEnvelope envelope)
    {
        var body = request.Body.Span;
        if (envelope.EventType == SlackDefaults.SslCheckEvent && !SlackForm.IsJson(body))
            return SslCheckAnswer;
        if (envelope.EventType != SlackDefaults.UrlVerificationEvent
            || !JsonEnvelopeReader.TryRead(body, "type"u8, "challenge"u8, out var type, out var challenge)
            || type != SlackDefaults.UrlVerificationEvent)
            return null;
        return string.IsNullOrEmpty(challenge) ? HandshakeResponses.BadRequest : HandshakeResponses.Json(("challenge", challenge));
    }

    /// <summary>
    /// Gets the JSON payload: the body of Events API deliveries, the <c>payload</c> field of interactivity forms, and the
    /// fields of a slash command as a JSON object of strings.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    public override ReadOnlyMemory<byte> GetPayloadJson(in WebhookRequest request)
    {
        var body = request.Body.Span;
        if (SlackForm.IsJson(body) || SlackForm.Read(body) is not { } form)
            return request.Body;
        return SlackForm.ToPayloadJson(form);
    }

    /// <inheritdoc />
    public override WebhookSignedRequest Sign(WebhookSigningRequest request) => Format.Sign(_keys[0], request);
}
