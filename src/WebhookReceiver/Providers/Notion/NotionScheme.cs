using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// The Notion scheme: <c>X-Notion-Signature: sha256=&lt;hex&gt;</c>, HMAC-SHA256 of the body keyed with the
/// subscription's verification token. The delivery id and event type are the body's <c>id</c> and <c>type</c> (e.g.
/// <c>page.created</c>), both signed; the body's <c>timestamp</c> is when the event happened and is not checked against
/// the clock (retries keep it). The unsigned verification request (<c>{"verification_token":"…"}</c>) is answered 200
/// after handing the token to <see cref="NotionOptions.OnVerificationToken"/>.
/// </summary>
public sealed class NotionScheme : HmacWebhookScheme, IWebhookUnsignedHandshake
{
    private static readonly WebhookHandshakeResponse Received = new(StatusCodes.Status200OK, "application/json",
        """{"status":"verification_token_received"}"""u8.ToArray());

    private static readonly HmacSchemeSpec Spec = new()
    {
        Signatures = [new(NotionDefaults.SignatureHeader, NotionDefaults.SignaturePrefix, WebhookHmacAlgorithm.Sha256, WebhookSignatureEncoding.Hex)],
    };

    private readonly Action<string>? _onVerificationToken;

    /// <summary>Builds the scheme, taking its secrets (verification tokens) as UTF-8 keys.</summary>
    /// <param name="name">The registration name.</param>
    /// <param name="options">The options.</param>
    public NotionScheme(string name, NotionOptions options)
        : base(name, options, Spec)
        => _onVerificationToken = options.OnVerificationToken;

    /// <summary>Gets the provider descriptor (id <c>notion</c>).</summary>
    public static WebhookProvider<NotionOptions> Provider { get; } = new(
        NotionDefaults.ProviderId, "Notion",
        static (name, options) => new NotionScheme(name, options),
        static (section, options) => section.Bind(options));

    /// <summary>
    /// Answers the verification request: when <see cref="NotionOptions.OnVerificationToken"/> is set and the request has
    /// no signature and a body of at most <see cref="NotionDefaults.MaxVerificationRequestSize"/> bytes that is a JSON
    /// object whose only property is a <c>verification_token</c> string (visible ASCII, at most
    /// <see cref="NotionDefaults.MaxVerificationTokenLength"/> characters), hands the token over and answers 200;
    /// otherwise <see langword="null"/>.
    /// </summary>
    /// <param name="request">The request that failed verification.</param>
    public WebhookHandshakeResponse? AnswerUnsigned(WebhookRequest request)
    {
        if (_onVerificationToken is null || request.Headers.ContainsKey(NotionDefaults.SignatureHeader)
            || request.Body.Length is 0 or > NotionDefaults.MaxVerificationRequestSize
            || ReadToken(request.Body.Span) is not { } token)
            return null;
        _onVerificationToken(token);
        return Received;
    }

    /// <inheritdoc />
    protected override WebhookDelivery? ReadDelivery(in WebhookRequest request)
        => JsonDeliveryReader.Read(request.Body, "id"u8, "type"u8);

    private static string? ReadToken(ReadOnlySpan<byte> body)
    {
        try
        {
            var reader = new Utf8JsonReader(body);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject
                || !reader.Read() || reader.TokenType != JsonTokenType.PropertyName || !reader.ValueTextEquals(NotionDefaults.VerificationTokenProperty)
                || !reader.Read() || reader.TokenType != JsonTokenType.String)
                return null;
            var token = reader.GetString();
            if (!reader.Read() || reader.TokenType != JsonTokenType.EndObject || reader.Read())
                return null;
            return token is { Length: > 0 and <= NotionDefaults.MaxVerificationTokenLength } && IsVisibleAscii(token) ? token : null;
        }
        catch (JsonException)
        {
            return null;
        }
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
