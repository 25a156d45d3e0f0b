using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Postmark scheme. Postmark does not sign its webhooks: this is shared-secret authentication, not a signature. The
/// secret is the HTTP Basic credentials of the webhook URL (<c>Authorization: Basic …</c>, decoded and compared with each
/// configured <c>username:password</c>) or, with <see cref="PostmarkOptions.SecretHeader"/>, the value of a custom
/// header; compared in constant time, a missing or wrong one is a 401. It covers neither the body nor a time, so nothing
/// is signed: the event type is the body's <c>RecordType</c> as a label (<c>Delivery</c>, <c>Bounce</c>, <c>Open</c>,
/// <c>Click</c>, <c>SpamComplaint</c>, <c>SubscriptionChange</c>; <see cref="PostmarkDefaults.InboundRecordType"/> for
/// inbound-parse bodies, which have none), and the replay key is a hash of the record's <c>RecordType</c>,
/// <c>MessageID</c>, time (<c>DeliveredAt</c>, <c>BouncedAt</c>, <c>ReceivedAt</c>, <c>ChangedAt</c>, inbound <c>Date</c>)
/// and recipient, or of the body when those are missing.
/// </summary>
public sealed class PostmarkScheme : WebhookScheme
{
    private readonly byte[][] _secrets;
    private readonly string? _header;

    /// <summary>Builds the scheme.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public PostmarkScheme(string name, PostmarkOptions options)
        : base(name, options)
    {
        _secrets = [.. options.GetAllSecrets().Select(SecretToken.Hash)];
        _header = string.IsNullOrWhiteSpace(options.SecretHeader) ? null : options.SecretHeader.Trim();
        SecretHeaders = _header is null ? [] : [_header];
    }

    /// <summary>Gets the provider descriptor (id <c>postmark</c>).</summary>
    public static WebhookProvider<PostmarkOptions> Provider { get; } = new(
        PostmarkDefaults.ProviderId, "Postmark",
        static (name, options) => new PostmarkScheme(name, options),
        static (section, options) => section.Bind(options),
        static () => "postmark:" + Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));

    /// <summary>Gets the configured secret header, if any: it is the secret itself (<c>Authorization</c> is always redacted).</summary>
    public override IReadOnlyList<string> SecretHeaders { get; }

    /// <summary>Checks the shared secret: the custom header when configured, else the Basic credentials.</summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">Not used: Postmark sends no timestamp.</param>
    protected override WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now)
    {
        if (_header is not null)
        {
            if (request.GetHeader(_header) is not { } token)
                return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {_header} header carrying the shared secret");
            return SecretToken.MatchesAny(_secrets, token) ? WebhookVerificationResult.Success() : Mismatch($"the {_header} header");
        }
        if (request.GetHeader(PostmarkDefaults.AuthorizationHeader) is not { } authorization)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader,
                "no Authorization header: put the Basic credentials in the webhook URL (https://username:password@host/…)");
        return VerifyBasic(authorization);
    }

    private WebhookVerificationResult VerifyBasic(string authorization)
    {
        var value = authorization.AsSpan().Trim();
        if (value.Length > PostmarkDefaults.MaxCredentialsLength
            || !value.StartsWith(PostmarkDefaults.BasicScheme + " ", StringComparison.OrdinalIgnoreCase))
            return Malformed();
        var encoded = value[(PostmarkDefaults.BasicScheme.Length + 1)..].Trim();
        Span<byte> decoded = stackalloc byte[PostmarkDefaults.MaxCredentialsLength];
        if (encoded.IsEmpty || !Convert.TryFromBase64Chars(encoded, decoded, out var length))
            return Malformed();
        var matched = SecretToken.MatchesAny(_secrets, decoded[..length]);
        decoded.Clear();
        return matched ? WebhookVerificationResult.Success() : Mismatch("the Basic credentials");
    }

    private static WebhookVerificationResult Malformed()
        => WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, "the Authorization header is not 'Basic <base64 of username:password>'");

    private WebhookVerificationResult Mismatch(string what)
        => WebhookVerificationResult.Fail(WebhookVerificationFailure.SignatureMismatch, string.Create(CultureInfo.InvariantCulture,
            $"{what} matched none of the {_secrets.Length} configured secret(s)"));

    /// <summary>Reads the record: <c>RecordType</c> (or <c>Inbound</c>) as a label, the replay key from its identifying fields.</summary>
    /// <param name="request">The authenticated delivery.</param>
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
    {
        var body = request.Body;
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
                return null;
            var type = Text(root, PostmarkDefaults.RecordTypeProperty);
            if (type is null && root.TryGetProperty("FromFull", out var from) && from.ValueKind == JsonValueKind.Object)
                type = PostmarkDefaults.InboundRecordType;
            return new WebhookDelivery(new WebhookEvent(default, WebhookValue.FromLabel(type), body, ReplayKey(root, type)));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A hash of the record type, message id, the record's time and recipient; null (a hash of the body) without a time or an id.</summary>
    private static string? ReplayKey(JsonElement root, string? type)
    {
        var time = type switch
        {
            "Delivery" => Text(root, "DeliveredAt"),
            "Bounce" or "SpamComplaint" => Text(root, "BouncedAt"),
            "Open" or "Click" => Text(root, "ReceivedAt"),
            "SubscriptionChange" => Text(root, "ChangedAt"),
            PostmarkDefaults.InboundRecordType => Text(root, "Date"),
            _ => null,
        };
        var messageId = Text(root, "MessageID");
        var recipient = Text(root, "Recipient") ?? Text(root, "Email");
        if (type is null || time is null || (messageId is null && recipient is null))
            return null;
        // Written as a JSON array so that no value can run into the next.
        var key = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(key))
        {
            writer.WriteStartArray();
            foreach (var part in (ReadOnlySpan<string?>)[type, messageId, time, recipient, Text(root, "OriginalLink")])
                writer.WriteStringValue(part);
            writer.WriteEndArray();
        }
        return WebhookReplayKeys.ForSignedContent(key.WrittenSpan);
    }

    /// <summary>A string or number property as text; null when absent, empty or of another kind.</summary>
    private static string? Text(JsonElement element, string name)
        => !element.TryGetProperty(name, out var value) ? null
            : value.ValueKind switch
            {
                JsonValueKind.String => value.GetString() is { Length: > 0 } text ? text : null,
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };

    /// <summary>Sends as Postmark does: the first secret as Basic credentials, or in the custom header.</summary>
    /// <param name="request">What to send.</param>
    public override WebhookSignedRequest Sign(WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var secret = Options.GetAllSecrets() is [var first, ..] ? first : throw new InvalidOperationException($"Scheme '{Name}' has no secret to send.");
        var header = _header is not null
            ? (_header, secret)
            : (PostmarkDefaults.AuthorizationHeader, PostmarkDefaults.BasicScheme + " " + Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)));
        return new WebhookSignedRequest(request.Method, request.Url, Headers(header), request.Body);
    }
}
