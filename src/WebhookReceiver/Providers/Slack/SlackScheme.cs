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
/// Slack signs the whole body, so ids and types read from it are signed; without an id the replay key is a hash of the body.
/// </summary>
public sealed class SlackScheme : HmacWebhookScheme
{
    /// <summary>Its provider reads the handler's reply, so the inbox (acknowledge first, run later) cannot serve it.</summary>
    internal override bool RepliesSynchronously => true;

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(SlackDefaults.SignatureHeader, SlackDefaults.Version + "=", WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
        Content = HmacSignedContent.Parse(SlackDefaults.Version + ":{timestamp}:{body}"),
        Timestamp = HmacValueSource.FromHeader(SlackDefaults.TimestampHeader),
    };
    private static readonly WebhookHandshakeResponse SslCheckAnswer = HandshakeResponses.Text("");


    /// <summary>Builds the scheme, taking its Signing Secrets as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public SlackScheme(string name, SlackOptions options)
        : base(name, options, Spec)
    {
    }

    /// <summary>Gets the provider descriptor (id <c>slack</c>).</summary>
    public static WebhookProvider<SlackOptions> Provider { get; } = new(
        SlackDefaults.ProviderId, "Slack",
        static (name, options) => new SlackScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Reads a verified Slack request, all of it signed: Events API JSON (<c>event_id</c>, the inner event's type for
    /// <c>event_callback</c>, <c>url_verification</c> answered with its challenge), interactivity forms (the
    /// <c>payload</c> field's JSON: its <c>type</c> and <c>trigger_id</c>), slash commands (the command and
    /// <c>trigger_id</c>, the form as JSON) and <c>ssl_check</c> (answered empty). Form requests are acknowledged with an
    /// empty 200 and may be answered by the handler.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body.Span;
        if (SlackForm.IsJson(body))
            return ReadEvent(request.Body);
        if (SlackForm.Read(body) is not { } form)
            return null;
        string? type, id;
        ReadOnlyMemory<byte> json;
        if (SlackForm.Field(form, SlackForm.PayloadField) is { } payload)
        {
            json = System.Text.Encoding.UTF8.GetBytes(payload);
            if (!JsonEnvelopeReader.TryRead(json.Span, "type"u8, "trigger_id"u8, out type, out id))
                return null;
        }
        else
        {
            json = SlackForm.ToPayloadJson(form);
            type = SlackForm.Field(form, "ssl_check") is not null ? SlackDefaults.SslCheckEvent : SlackForm.Field(form, "command");
            id = SlackForm.Field(form, "trigger_id");
        }
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), json, id is null ? WebhookReplayKeys.ForSignedContent(body) : null))
        {
            Handshake = type == SlackDefaults.SslCheckEvent ? SslCheckAnswer : null,
            Acknowledgment = EmptyAcknowledgment,
            ExpectsReply = true,
        };
    }

    private static WebhookDelivery? ReadEvent(ReadOnlyMemory<byte> body)
    {
        if (!JsonEnvelopeReader.TryRead(body.Span, "type"u8, "event_id"u8, out var type, out var id))
            return null;
        WebhookHandshakeResponse? handshake = null;
        if (type == SlackDefaults.EventCallbackEvent && JsonNestedReader.TryRead(body.Span, "event"u8, "type"u8, out var inner) && inner is not null)
            type = inner;
        else if (type == SlackDefaults.UrlVerificationEvent)
            handshake = JsonEnvelopeReader.TryRead(body.Span, "challenge"u8, default, out var challenge, out _) && !string.IsNullOrEmpty(challenge)
                ? HandshakeResponses.Json(("challenge", challenge))
                : HandshakeResponses.BadRequest;
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromSigned(id), WebhookValue.FromSigned(type), body)) { Handshake = handshake };
    }

    private static readonly WebhookHandshakeResponse EmptyAcknowledgment = new(200, "text/plain", ReadOnlyMemory<byte>.Empty);
}
