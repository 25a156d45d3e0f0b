using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Okta event hook scheme. Okta signs nothing: every request carries the event hook's authentication secret in a
/// header (<see cref="OktaOptions.SecretHeader"/>, <c>Authorization</c> by default), compared whole, in constant time,
/// with the configured ones; a missing or wrong one is a 401. The body's <c>data.events</c> are dispatched one by one by
/// their <c>eventType</c> (e.g. <c>user.lifecycle.create</c>); each event's <c>uuid</c> is its id and keys its claim, the
/// body's <c>eventId</c> is the delivery's id. All are labels, authenticated by the shared secret only. The one-time
/// verification GET (<c>X-Okta-Verification-Challenge</c>) is answered 200 <c>{"verification":"…"}</c> only when it
/// carries the secret too; 401 when it does not.
/// </summary>
public sealed class OktaScheme : WebhookScheme, IWebhookGetHandshake
{
    private static readonly string[] EventsPath = ["data", "events"];

    private static readonly WebhookHandshakeResponse Refused = new(StatusCodes.Status401Unauthorized, WebhookResponses.ProblemJson, WebhookResponses.Unauthorized);

    private readonly byte[][] _secrets;
    private readonly string _header;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public OktaScheme(string name, OktaOptions options)
        : base(name, options)
    {
        _secrets = [.. options.GetAllSecrets().Select(SecretToken.Hash)];
        _header = string.IsNullOrWhiteSpace(options.SecretHeader) ? OktaDefaults.SecretHeader : options.SecretHeader.Trim();
        SecretHeaders = [_header];
    }

    /// <summary>Gets the provider descriptor (id <c>okta</c>).</summary>
    public static WebhookProvider<OktaOptions> Provider { get; } = new(
        OktaDefaults.ProviderId, "Okta",
        static (name, options) => new OktaScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>Gets the header carrying the secret: it is the secret itself.</summary>
    public override IReadOnlyList<string> SecretHeaders { get; }

    /// <summary>Checks the secret header.</summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">Not used: Okta sends no timestamp.</param>
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (request.GetHeader(_header) is not { } secret)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {_header} header carrying the event hook's secret");
        return SecretToken.MatchesAny(_secrets, secret)
            ? WebhookVerificationResult.Success()
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the {_header} header matched none of the {_secrets.Length} configured secret(s)"));
    }

    /// <summary>Reads <c>data.events</c>, each an event of its own; a body without that array is one event.</summary>
    /// <param name="request">The authenticated delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        if (!JsonItemsReader.TryRead(body, EventsPath, ReadEvent, out var items)
            || !JsonEnvelopeReader.TryRead(body.Span, "eventId"u8, "eventType"u8, out var eventId, out var eventType))
            return null;
        var whole = new WebhookEvent(WebhookValue.FromLabel(eventId), WebhookValue.FromLabel(eventType), body);
        return items is null ? new WebhookDelivery(whole) : new WebhookDelivery(whole, items);
    }

    /// <summary>One item of <c>data.events</c>: <c>uuid</c> and <c>eventType</c> as labels, claimed by its <c>uuid</c> (else its bytes).</summary>
    private static WebhookEvent? ReadEvent(ReadOnlyMemory<byte> json)
    {
        if (!JsonEnvelopeReader.TryRead(json.Span, "uuid"u8, "eventType"u8, out var uuid, out var type))
            return null;
        var key = uuid is { Length: > 0 } ? WebhookReplayKeys.ForSignedContent(Encoding.UTF8.GetBytes("okta-event:" + uuid)) : null;
        return new WebhookEvent(WebhookValue.FromLabel(uuid), WebhookValue.FromLabel(type), json, key);
    }

    /// <summary>Okta's verification needs its headers: without them no request is a handshake this scheme answers.</summary>
    /// <param name="query">The query parameters.</param>
    public WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query) => null;

    /// <summary>
    /// Answers the one-time verification: when the request carries exactly one <c>X-Okta-Verification-Challenge</c> of at
    /// most <see cref="OktaDefaults.MaxChallengeLength"/> visible ASCII characters, 200 <c>{"verification":"…"}</c> if the
    /// secret header matches, else a 401 problem; otherwise <see langword="null"/> (400).
    /// </summary>
    /// <param name="query">The query parameters (not used).</param>
    /// <param name="headers">The request headers.</param>
    public WebhookHandshakeResponse? AnswerGet(IEnumerable<KeyValuePair<string, StringValues>> query, IHeaderDictionary headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        if (!headers.TryGetValue(OktaDefaults.VerificationChallengeHeader, out var values) || values.Count != 1
            || values[0] is not { Length: > 0 and <= OktaDefaults.MaxChallengeLength } challenge || !IsVisibleAscii(challenge))
            return null;
        if (!headers.TryGetValue(_header, out var secret) || secret.Count != 1 || string.IsNullOrEmpty(secret[0])
            || !SecretToken.MatchesAny(_secrets, secret[0]))
            return Refused;
        return new WebhookHandshakeResponse(StatusCodes.Status200OK, "application/json", Verification(challenge));
    }

    private static byte[] Verification(string challenge)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("verification", challenge);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
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

    /// <summary>Sends as Okta does: the first secret in the secret header.</summary>
    /// <param name="request">What to send.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = Options.GetAllSecrets() is [var first, ..] ? first : throw new InvalidOperationException($"Scheme '{Name}' has no secret to send.");
        return new WebhookSignedRequest(request.Method, request.Url, Headers((_header, secret)), request.Body);
    }
}
