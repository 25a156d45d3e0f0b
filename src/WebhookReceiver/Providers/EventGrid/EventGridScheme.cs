using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Azure Event Grid scheme, for the Event Grid schema (a JSON array of events with <c>id</c>, <c>eventType</c>,
/// <c>subject</c>, <c>eventTime</c>, <c>data</c>) and the CloudEvents 1.0 schema (structured
/// <c>application/cloudevents+json</c>, one object, or <c>application/cloudevents-batch+json</c>, an array; <c>id</c>,
/// <c>type</c>, <c>source</c>). The delivery secret (query parameter <c>code</c> or a configured header) is compared in
/// constant time; without it, 401. Events are dispatched one by one by <c>eventType</c> or <c>type</c>; nothing is
/// signed, so ids and types are labels and each event is claimed by a hash of its bytes. A verified
/// <see cref="EventGridDefaults.SubscriptionValidationEvent"/> is answered <c>{"validationResponse":"&lt;validationCode&gt;"}</c>
/// (the synchronous handshake; its <c>data.validationUrl</c> is the asynchronous alternative, a GET made by hand);
/// CloudEvents subscriptions validate with the abuse-protection OPTIONS request instead
/// (<see cref="WebhookSchemeOptions.CloudEventsAllowedOrigins"/>).
/// </summary>
public sealed class EventGridScheme : WebhookScheme
{
    private readonly byte[][] _secrets;
    private readonly string _parameter;
    private readonly string? _header;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public EventGridScheme(string name, EventGridOptions options)
        : base(name, options)
    {
        _secrets = [.. options.GetAllSecrets().Select(SecretToken.Hash)];
        _parameter = options.SecretQueryParameter;
        _header = string.IsNullOrWhiteSpace(options.SecretHeader) ? null : options.SecretHeader.Trim();
        SecretHeaders = _header is null ? [] : [_header];
    }

    /// <summary>Gets the provider descriptor (id <c>eventgrid</c>).</summary>
    public static WebhookProvider<EventGridOptions> Provider { get; } = new(
        EventGridDefaults.ProviderId, "Azure Event Grid",
        static (name, options) => new EventGridScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>Gets the configured secret header, if any: it is the secret itself.</summary>
    public override IReadOnlyList<string> SecretHeaders { get; }

    /// <summary>The secret's query parameter: redacted in capture files.</summary>
    internal override IReadOnlyList<string> SecretQueryParameters => [_parameter];

    /// <summary>The secret travels in the query string.</summary>
    internal override bool ReadsQuery => true;

    /// <summary>Checks the delivery secret, from the configured header when the request has it, else the query parameter.</summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">Not used: Event Grid signs no timestamp.</param>
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var (presented, where) = _header is not null && request.GetHeader(_header) is { } fromHeader
            ? (fromHeader, _header + " header")
            : (WebhookQuery.Single(request.Url, _parameter), $"'{_parameter}' query parameter");
        if (presented is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, _header is null
                ? $"no '{_parameter}' query parameter (exactly one) carrying the delivery secret"
                : $"no {_header} header and no '{_parameter}' query parameter carrying the delivery secret");
        return SecretToken.MatchesAny(_secrets, presented)
            ? WebhookVerificationResult.Success()
            : WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"the {where} matched none of the {_secrets.Length} configured secret(s)"));
    }

    /// <summary>Reads the events (an array, or one CloudEvent) and answers a subscription validation event.</summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        List<WebhookEvent> events = [];
        if (JsonBatchReader.IsArray(body.Span))
        {
            if (JsonBatchReader.TryRead(body, "id"u8, "eventType"u8) is not { Count: > 0 } items)
                return null;
            foreach (var item in items)
                events.Add(Read(item.Json) ?? throw new InvalidOperationException("unreachable"));
        }
        else if (Read(body) is { } single)
        {
            events.Add(single);
        }
        else
        {
            return null;
        }
        foreach (var e in events)
        {
            if (e.EventType.Value == EventGridDefaults.SubscriptionValidationEvent)
                return ValidationCode(e.Json.Span) is { } code
                    ? new WebhookDelivery(events[0]) { Handshake = new(200, "application/json", ValidationResponse(code)) }
                    : null;
        }
        return events.Count == 1 ? new WebhookDelivery(events[0]) : new WebhookDelivery(new WebhookEvent(default, default, body), events);
    }

    /// <summary>One event: Event Grid schema (<c>eventType</c>) or CloudEvents (<c>type</c>), id and type as labels.</summary>
    private static WebhookEvent? Read(ReadOnlyMemory<byte> json)
    {
        if (!JsonEnvelopeReader.TryRead(json.Span, "id"u8, "eventType"u8, out var id, out var type))
            return null;
        if (type is null && JsonEnvelopeReader.TryRead(json.Span, "type"u8, default, out var cloudEventType, out _))
            type = cloudEventType;
        return new WebhookEvent(WebhookValue.FromLabel(id), WebhookValue.FromLabel(type), json);
    }

    private static string? ValidationCode(ReadOnlySpan<byte> json)
        => JsonNestedReader.TryRead(json, "data"u8, "validationCode"u8, out var code) && !string.IsNullOrEmpty(code) && code.Length <= 256 ? code : null;

    private static byte[] ValidationResponse(string code)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("validationResponse", code);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    /// <summary>Sends as Event Grid does: the secret in the configured header, else appended to the URL as the query parameter.</summary>
    /// <param name="request">What to send.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = Options.GetAllSecrets() is [var first, ..] ? first : throw new InvalidOperationException($"Scheme '{Name}' has no delivery secret to send.");
        return _header is not null
            ? new WebhookSignedRequest(request.Method, request.Url, Headers((_header, secret)), request.Body)
            : new WebhookSignedRequest(request.Method, WebhookQuery.Append(request.Url, _parameter, secret), [], request.Body);
    }
}
