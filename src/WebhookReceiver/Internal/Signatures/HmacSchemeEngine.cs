using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>
/// Verifies, reads and signs deliveries of any <see cref="HmacSchemeSpec"/>: the shared engine behind the generic
/// <c>hmac</c> provider and every built-in provider that signs with an HMAC over the body (GitHub, Shopify, Linear, ...).
/// Keys are decoded once here; a request costs one HMAC per key, with no allocation when the body alone is signed.
/// </summary>
internal sealed class HmacSchemeEngine
{
    private static readonly WebhookHandshakeResponse Pong = new(StatusCodes.Status200OK, "application/json", """{"status":"pong"}"""u8.ToArray());

    private readonly HmacSchemeSpec _spec;
    private readonly byte[][] _keys;
    private readonly byte[]? _idProperty;
    private readonly byte[]? _eventTypeProperty;
    private readonly byte[]? _timestampProperty;

    /// <summary>Builds the engine; throws <see cref="FormatException"/> when a secret cannot be decoded (never showing it).</summary>
    public HmacSchemeEngine(HmacSchemeSpec spec, WebhookSchemeOptions options)
    {
        _spec = spec;
        _keys = DecodeKeys(spec, options.GetAllSecrets());
        _idProperty = Utf8(spec.DeliveryId.Property);
        _eventTypeProperty = Utf8(spec.EventType.Property);
        _timestampProperty = Utf8(spec.Timestamp.Property);
    }

    public WebhookVerificationResult Verify(in WebhookRequest request, DateTimeOffset now, TimeSpan tolerance)
    {
        HmacSignatureSource? source = null;
        string? header = null;
        foreach (var candidate in _spec.Signatures)
        {
            header = candidate.Format.ReadValue(request);
            if (header is not null)
            {
                source = candidate;
                break;
            }
        }
        if (source is null || header is null)
            return Fail(WebhookVerificationFailure.MissingHeader, $"no {_spec.Primary.Header} header{_spec.MissingSignatureHint}");
        if (_keys.Length == 0)
            return Fail(WebhookVerificationFailure.SignatureMismatch,
                "no secret is configured yet (the scheme started without one), so no signature can match: configure Secret (or Secrets)");

        Span<Range> candidates = stackalloc Range[source.Format.CandidateLimit];
        var count = source.Format.Read(header, candidates, out var carried);
        ReadOnlySpan<char> timestamp = default;
        DateTimeOffset? signedAt = null;
        if (source.Format.CarriesTimestamp || _spec.Timestamp.Header is not null)
        {
            string timestampName;
            if (source.Format.CarriesTimestamp)
            {
                timestampName = $"{source.Header} {((KeyValueSignatureFormat)source.Format).TimestampKey}=";
                if (carried is not { } range)
                    return Fail(WebhookVerificationFailure.MalformedHeader, $"{source.Header} has no timestamp (expected {source.Shape})");
                timestamp = header.AsSpan()[range].Trim();
            }
            else
            {
                timestampName = _spec.Timestamp.Header!;
                if (request.GetHeader(timestampName) is not { } text)
                    return Fail(WebhookVerificationFailure.MissingHeader, $"no {timestampName} header");
                timestamp = text.AsSpan().Trim();
            }
            if (!TimestampFormats.TryParse(_spec.TimestampFormat, timestamp, out var time))
                return Fail(WebhookVerificationFailure.MalformedHeader, $"{timestampName} is not {TimestampFormats.Describe(_spec.TimestampFormat)}");
            var check = WebhookTimestamp.Check(time, now, tolerance);
            if (!check.Succeeded)
                return check;
            signedAt = time;
        }
        if (count == 0)
            return Fail(WebhookVerificationFailure.MalformedHeader, $"{source.Header} has {source.Format.Missing} (expected {source.Shape})");

        string? id = null;
        if (_spec.Content.UsesId)
        {
            id = _spec.DeliveryId.ReadHeader(request);
            if (id is null)
                return Fail(WebhookVerificationFailure.MissingHeader, $"no {_spec.DeliveryId.Header} header");
        }

        var body = request.Body.Span;
        HmacMatch match;
        if (_spec.Content.IsBodyOnly)
        {
            match = HmacMatcher.Match(source.Algorithm, _keys, body, source.Encoding, header, candidates[..count]);
        }
        else
        {
            using var content = _spec.Content.Build(id, timestamp, body);
            match = HmacMatcher.Match(source.Algorithm, _keys, content.Span, source.Encoding, header, candidates[..count]);
        }
        if (!match.Matched)
        {
            return match.Usable == 0
                ? Fail(WebhookVerificationFailure.MalformedHeader, string.Create(CultureInfo.InvariantCulture,
                    $"{source.Header} has no usable signature among {count} entries (expected {source.Shape})"))
                : Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                    $"none of {match.Usable} signature(s) in {source.Header} matched the {_keys.Length} configured key(s)"));
        }
        return _timestampProperty is not null ? CheckBodyTimestamp(body, now, tolerance) : WebhookVerificationResult.Success(signedAt);
    }

    private WebhookVerificationResult CheckBodyTimestamp(ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!JsonEnvelopeReader.TryRead(body, _timestampProperty, default, out var text, out _) || text is null)
            return Fail(WebhookVerificationFailure.MalformedBody, $"the body has no {_spec.Timestamp.Property} property");
        if (!TimestampFormats.TryParse(_spec.TimestampFormat, text, out var signedAt))
            return Fail(WebhookVerificationFailure.MalformedBody, $"{_spec.Timestamp.Property} is not {TimestampFormats.Describe(_spec.TimestampFormat)}");
        return WebhookTimestamp.Check(signedAt, now, tolerance);
    }

    /// <summary>
    /// Reads a verified delivery: id and event type from the body (signed) or from headers (signed only when the
    /// signed content includes the id header); the provider's ping event is answered with <c>{"status":"pong"}</c>.
    /// </summary>
    public WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        string? id = null, type = null;
        if (_idProperty is not null || _eventTypeProperty is not null)
        {
            if (!JsonEnvelopeReader.TryRead(request.Body.Span, _idProperty, _eventTypeProperty, out id, out type))
                return null;
        }
        var deliveryId = _spec.DeliveryId.Header is not null
            ? new WebhookValue(_spec.DeliveryId.ReadHeader(request), _spec.Content.UsesId)
            : WebhookValue.FromSigned(id);
        var eventType = _spec.EventType.Header is not null
            ? WebhookValue.FromLabel(_spec.EventType.ReadHeader(request))
            : WebhookValue.FromSigned(type);
        var handshake = _spec.PingEventType is { } ping && string.Equals(eventType.Value, ping, StringComparison.Ordinal) ? Pong : null;
        return new WebhookDelivery(new WebhookEvent(deliveryId, eventType, request.Body)) { Handshake = handshake };
    }

    public WebhookSignedRequest Sign(WebhookSigningRequest request, string schemeName)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_keys.Length == 0)
            throw new InvalidOperationException($"Scheme '{schemeName}' has no secret to sign with.");
        var headers = new List<KeyValuePair<string, string>>(4);
        var body = request.Body;
        string? id = null;
        if (_spec.DeliveryId.Header is { } idHeader)
        {
            id = request.Id ?? Guid.NewGuid().ToString();
            headers.Add(new(idHeader, id));
        }
        var source = _spec.Primary;
        var timestamp = TimestampFormats.Write(_spec.TimestampFormat, request.Timestamp);
        if (_spec.Timestamp.Header is { } timestampHeader)
            headers.Add(new(timestampHeader, timestamp));
        else if (_spec.Timestamp.Property is { } timestampProperty)
            body = WithProperty(body, timestampProperty, _spec.TimestampFormat == TimestampFormat.UnixMilliseconds
                ? request.Timestamp.ToUnixTimeMilliseconds() : request.Timestamp.ToUnixTimeSeconds());
        if (_spec.EventType.Header is { } typeHeader && request.EventType is not null)
            headers.Add(new(typeHeader, request.EventType));

        string signature;
        if (_spec.Content.IsBodyOnly)
        {
            signature = HmacSignature.Sign(source.Algorithm, _keys[0], body.Span, source.Encoding);
        }
        else
        {
            using var content = _spec.Content.Build(id, timestamp, body.Span);
            signature = HmacSignature.Sign(source.Algorithm, _keys[0], content.Span, source.Encoding);
        }
        headers.Add(new(source.Header, source.Format.Write(signature, timestamp)));
        headers.AddRange(_spec.ConstantHeaders);
        return new WebhookSignedRequest(request.Method, request.Url, headers, body);
    }

    /// <summary>Sets a top-level number in a JSON object body (providers that sign a timestamp inside the body). Signing only.</summary>
    private static ReadOnlyMemory<byte> WithProperty(ReadOnlyMemory<byte> body, string property, long value)
    {
        if (JsonNode.Parse(body.Span) is not JsonObject json)
            throw new ArgumentException($"The body must be a JSON object to carry the signed '{property}'.", nameof(body));
        json[property] = value;
        return Encoding.UTF8.GetBytes(json.ToJsonString());
    }

    private static byte[][] DecodeKeys(HmacSchemeSpec spec, IReadOnlyList<string> secrets)
    {
        var keys = new byte[secrets.Count][];
        for (var i = 0; i < secrets.Count; i++)
        {
            var secret = secrets[i];
            if (spec.SecretPrefix is { Length: > 0 } prefix && secret.StartsWith(prefix, StringComparison.Ordinal))
                secret = secret[prefix.Length..];
            keys[i] = spec.Base64Secrets
                ? SignatureEncoding.DecodeBase64OrNull(secret) is { Length: > 0 } raw
                    ? raw
                    : throw new FormatException($"{(secrets.Count == 1 ? "the secret" : $"secret #{i + 1}")} is not valid base64 (SecretEncoding is Base64)")
                : Encoding.UTF8.GetBytes(secret);
        }
        return keys;
    }

    private static byte[]? Utf8(string? name) => name is null ? null : Encoding.UTF8.GetBytes(name);

    private static WebhookVerificationResult Fail(WebhookVerificationFailure failure, string reason)
        => WebhookVerificationResult.Fail(failure, reason);
}
