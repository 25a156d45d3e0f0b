using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Net.Http.Headers;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Twilio scheme: base64 HMAC-SHA1 in <c>X-Twilio-Signature</c> over the full URL Twilio called followed, for form
/// posts, by every parameter's <c>name</c> and <c>value</c> sorted by name then value (repeated names kept). For JSON
/// posts the URL carries <c>bodySHA256</c>, the hex SHA-256 of the body, which must match. As Twilio's SDKs do, the URL
/// is tried as received and with its port toggled (the default port added, or the given port removed). No signed
/// timestamp: <c>I-Twilio-Idempotency-Token</c> is an unsigned label; the replay key hashes the signed content. Form fields reach
/// handlers as a JSON object (a repeated name as an array of its values).
/// </summary>
public sealed class TwilioScheme : WebhookScheme
{
    /// <summary>Its provider reads the handler's reply, so the inbox (acknowledge first, run later) cannot serve it.</summary>
    internal override bool RepliesSynchronously => true;

    private const int Sha256Size = 32;

    /// <summary>The most form fields a request may carry (Twilio sends a few dozen).</summary>
    private const int MaxFormFields = 1024;
    private readonly byte[][] _keys;
    private readonly byte[][] _sharedKeys;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public TwilioScheme(string name, TwilioOptions options)
        : base(name, options)
    {
        _keys = HmacSignature.Utf8Keys(options);
        _sharedKeys = [.. options.SharedKeySecrets.Where(k => !string.IsNullOrEmpty(k)).Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>Gets the provider descriptor (id <c>twilio</c>).</summary>
    public static WebhookProvider<TwilioOptions> Provider { get; } = new(
        TwilioDefaults.ProviderId, "Twilio",
        static (name, options) => new TwilioScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <inheritdoc />
    public override bool RequiresUrl => true;

    /// <inheritdoc />
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        var signature = request.GetHeader(TwilioDefaults.SignatureHeader);
        if (signature is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, "no X-Twilio-Signature header");
        if (request.Url is not { } url)
            return UrlSignature.NoUrl("Twilio");
        var (algorithm, keys, settingsFailure) = SigningKeys(request.GetHeader(TwilioDefaults.SignatureSettingsHeader));
        if (settingsFailure is not null)
            return settingsFailure.Value;

        var parameters = (List<KeyValuePair<string, string>>?)null;
        if (BodyHash(url) is { } bodyHash)
        {
            Span<byte> expected = stackalloc byte[Sha256Size];
            Span<byte> actual = stackalloc byte[Sha256Size];
            SHA256.HashData(request.Body.Span, actual);
            if (!SignatureEncoding.TryDecodeHex(bodyHash, expected, out var length) || length != Sha256Size)
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, "the URL's bodySHA256 is not a hex SHA-256");
            if (!CryptographicOperations.FixedTimeEquals(expected, actual))
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, "the body's SHA-256 does not match the URL's bodySHA256 (body altered)");
        }
        else if ((parameters = SortedParameters(request.Body.Span)) is null)
        {
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedBody, string.Create(CultureInfo.InvariantCulture,
                $"the form body has more than {MaxFormFields} fields or a field longer than the form reader allows"));
        }

        if (Matches(url, parameters, signature, algorithm, keys))
            return WebhookVerificationResult.Success();
        if (WithOtherPort(url) is { } other && Matches(other, parameters, signature, algorithm, keys))
            return WebhookVerificationResult.Success();
        return ReferenceEquals(keys, _sharedKeys)
            ? WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
                $"signature does not match URL {LogValue.Escape(url)} with the SharedKey secret(s) ({(algorithm == WebhookHmacAlgorithm.Sha256 ? "HMAC-SHA256" : "HMAC-SHA1")}, as {TwilioDefaults.SignatureSettingsHeader} asks)"))
            : UrlSignature.Mismatch(url);
    }

    /// <summary>
    /// Which keys and hash the request was signed with: the Auth Token and HMAC-SHA1 by default; the SharedKey secrets
    /// and the named algorithm when <see cref="TwilioDefaults.SignatureSettingsHeader"/> is present. The header is not
    /// signed, but it only chooses among keys the receiver holds: a forger still needs one of them.
    /// </summary>
    private (WebhookHmacAlgorithm Algorithm, byte[][] Keys, WebhookVerificationResult? Failure) SigningKeys(string? settings)
    {
        if (settings is null)
            return (WebhookHmacAlgorithm.Sha1, _keys, null);
        WebhookHmacAlgorithm? algorithm = null;
        foreach (var part in settings.Split(',', StringSplitOptions.TrimEntries))
        {
            if (!part.StartsWith("algorithm=", StringComparison.OrdinalIgnoreCase))
                continue;
            algorithm = part["algorithm=".Length..] switch
            {
                "HMAC_SHA256" => WebhookHmacAlgorithm.Sha256,
                "HMAC_SHA1" => WebhookHmacAlgorithm.Sha1,
                _ => null,
            };
            if (algorithm is null)
                return (default, [], WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader,
                    $"{TwilioDefaults.SignatureSettingsHeader} names an algorithm other than HMAC_SHA256 or HMAC_SHA1, which this scheme does not support"));
        }
        if (algorithm is null)
            return (default, [], WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader,
                $"{TwilioDefaults.SignatureSettingsHeader} names no algorithm"));
        if (_sharedKeys.Length == 0)
            return (default, [], WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch,
                $"the request is signed with a Twilio SharedKey ({TwilioDefaults.SignatureSettingsHeader}), but no SharedKeySecrets are configured for this scheme"));
        return (algorithm.Value, _sharedKeys, null);
    }

    private static bool Matches(string url, List<KeyValuePair<string, string>>? parameters, string signature, WebhookHmacAlgorithm algorithm, byte[][] keys)
    {
        using var content = SignedContent(url, parameters);
        return HmacSignature.Verify(algorithm, keys, content.Span, WebhookSignatureEncoding.Base64, signature);
    }

    private static SignedContentBuffer SignedContent(string url, List<KeyValuePair<string, string>>? parameters)
    {
        var content = new SignedContentBuffer(url.Length * 3 + 256);
        content.Append(url);
        foreach (var (name, value) in parameters ?? [])
        {
            content.Append(name);
            content.Append(value);
        }
        return content;
    }

    /// <summary>The form parameters of a body, decoded and sorted by name then value (ordinal), repeats kept.</summary>
    private static List<KeyValuePair<string, string>>? SortedParameters(ReadOnlySpan<byte> body)
    {
        if (ReadForm(body) is not { } form)
            return null;
        var list = new List<KeyValuePair<string, string>>();
        foreach (var (name, values) in form)
        {
            foreach (var value in values)
                list.Add(new(name, value ?? ""));
        }
        list.Sort(static (a, b) =>
        {
            var byName = string.CompareOrdinal(a.Key, b.Key);
            return byName != 0 ? byName : string.CompareOrdinal(a.Value, b.Value);
        });
        return list;
    }

    /// <summary>The form's fields; null when it exceeds the reader's caps (<see cref="MaxFormFields"/> fields, key and value lengths).</summary>
    private static Dictionary<string, Microsoft.Extensions.Primitives.StringValues>? ReadForm(ReadOnlySpan<byte> body)
    {
        if (body.IsEmpty)
            return [];
        using var reader = new FormReader(Encoding.UTF8.GetString(body)) { ValueCountLimit = MaxFormFields };
        try
        {
            return reader.ReadForm();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static string? BodyHash(string url)
    {
        var query = url.IndexOf('?', StringComparison.Ordinal);
        if (query < 0)
            return null;
        var fragment = url.IndexOf('#', query);
        var values = QueryHelpers.ParseQuery(fragment < 0 ? url[query..] : url[query..fragment]);
        return values.TryGetValue(TwilioDefaults.BodyHashParameter, out var hash) ? hash.ToString() : null;
    }

    /// <summary>The URL with its port removed, or with the scheme's default port added when it has none.</summary>
    /// <param name="url">An absolute URL.</param>
    internal static string? WithOtherPort(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
            return null;
        var start = schemeEnd + 3;
        var end = url.IndexOfAny(['/', '?', '#'], start);
        if (end < 0)
            end = url.Length;
        var authority = url.AsSpan(start, end - start);
        var hostStart = authority.LastIndexOf('@') + 1;
        var colon = authority.LastIndexOf(':');
        if (colon >= hostStart && colon > authority.LastIndexOf(']'))
            return string.Concat(url.AsSpan(0, start + colon), url.AsSpan(end));
        var scheme = url.AsSpan(0, schemeEnd);
        var port = scheme.Equals("https", StringComparison.OrdinalIgnoreCase) ? ":443"
            : scheme.Equals("http", StringComparison.OrdinalIgnoreCase) ? ":80" : null;
        return port is null ? null : string.Concat(url.AsSpan(0, end), port, url.AsSpan(end));
    }

    /// <summary>
    /// Reads a verified Twilio request. Twilio signs the URL and the form's parameters, not their encoding and not
    /// <c>I-Twilio-Idempotency-Token</c> (a label): the replay key hashes the signed content in its canonical form (the
    /// URL without a default port, then the sorted parameters), so a re-encoded or reordered copy is a duplicate. A form
    /// body reaches handlers as a JSON object; the acknowledgment is an empty TwiML document, or the handler's TwiML.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var url = request.Url ?? "";
        var canonicalUrl = HasDefaultPort(url) && WithOtherPort(url) is { } bare ? bare : url;
        string key;
        using (var content = SignedContent(canonicalUrl, BodyHash(url) is null ? SortedParameters(request.Body.Span) ?? [] : null))
            key = WebhookReplayKeys.ForSignedContent(content.Span);
        return new WebhookDelivery(new WebhookEvent(WebhookValue.FromLabel(request.GetHeader(TwilioDefaults.IdempotencyTokenHeader)), default,
            PayloadJson(request), key))
        {
            Acknowledgment = EmptyTwiml,
            ExpectsReply = true,
        };
    }

    private static bool HasDefaultPort(string url)
        => url.Contains(":443/", StringComparison.Ordinal) || url.Contains(":80/", StringComparison.Ordinal)
            || url.EndsWith(":443", StringComparison.Ordinal) || url.EndsWith(":80", StringComparison.Ordinal);

    private static ReadOnlyMemory<byte> PayloadJson(in WebhookRequest request)
    {
        var contentType = request.GetHeader(HeaderNames.ContentType);
        if (contentType is null || !contentType.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
            return request.Body;
        var buffer = new ArrayBufferWriter<byte>(request.Body.Length * 2 + 16);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, values) in ReadForm(request.Body.Span) ?? [])
            {
                if (values.Count == 1)
                {
                    writer.WriteString(name, values[0]);
                    continue;
                }
                writer.WriteStartArray(name);
                foreach (var value in values)
                    writer.WriteStringValue(value);
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenMemory;
    }

    private static readonly WebhookHandshakeResponse EmptyTwiml = new(200, "text/xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response></Response>"u8.ToArray());

    /// <summary>
    /// Signs as Twilio does: a body that is JSON gets <c>bodySHA256</c> added to the URL and only the URL is signed;
    /// any other body is taken as form parameters. <see cref="WebhookSigningRequest.Id"/>, when set, is sent as
    /// <c>I-Twilio-Idempotency-Token</c>.
    /// </summary>
    /// <param name="request">What to sign.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var url = request.Url ?? throw new InvalidOperationException("Twilio signs the URL it calls: set WebhookSigningRequest.Url.");
        var body = request.Body.Span;
        List<KeyValuePair<string, string>>? parameters = null;
        if (LooksLikeJson(body))
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(body));
            url = string.Create(CultureInfo.InvariantCulture, $"{url}{(url.Contains('?', StringComparison.Ordinal) ? '&' : '?')}{TwilioDefaults.BodyHashParameter}={hash}");
        }
        else
        {
            parameters = SortedParameters(body) ?? throw new ArgumentException("The form body cannot be read.", nameof(request));
        }
        using var content = SignedContent(url, parameters);
        var signature = HmacSignature.Sign(WebhookHmacAlgorithm.Sha1, _keys[0], content.Span, WebhookSignatureEncoding.Base64);
        var headers = request.Id is null
            ? Headers((TwilioDefaults.SignatureHeader, signature))
            : Headers((TwilioDefaults.SignatureHeader, signature), (TwilioDefaults.IdempotencyTokenHeader, request.Id));
        return new WebhookSignedRequest(request.Method, url, headers, request.Body);
    }

    private static bool LooksLikeJson(ReadOnlySpan<byte> body)
    {
        var start = body.IndexOfAnyExcept(" \t\r\n"u8);
        return start >= 0 && body[start] is (byte)'{' or (byte)'[';
    }
}
