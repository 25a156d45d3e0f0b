using System.Security.Cryptography;
using Microsoft.AspNetCore.Http;

namespace WebhookReceiver;

/// <summary>
/// A configured webhook scheme: one provider's signature rules with the keys of one named registration,
/// prepared once from its options (keys decoded, header names fixed) and used for every request.
/// Signing lives beside verifying so that tests and the CLI sign with the very code the receiver checks.
/// </summary>
public abstract class WebhookScheme
{
    /// <summary>Initializes the scheme.</summary>
    /// <param name="name">The registration name, e.g. <c>stripe</c>.</param>
    /// <param name="options">The options the scheme was built from.</param>
    protected WebhookScheme(string name, WebhookSchemeOptions options)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(options);
        Name = name;
        Options = options;
    }

    /// <summary>Gets the registration name.</summary>
    public string Name { get; }

    /// <summary>Gets the options the scheme was built from.</summary>
    public WebhookSchemeOptions Options { get; }

    /// <summary>Gets a value indicating whether <see cref="Verify"/> needs <see cref="WebhookRequest.Url"/>.</summary>
    public virtual bool RequiresUrl => false;

    /// <summary>
    /// Verifies a delivery over its exact bytes: every signature in the request against every configured key,
    /// compared in constant time, and the signed timestamp against <paramref name="now"/> within the tolerance.
    /// Never throws for bad input.
    /// </summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">The receiver's current time.</param>
    public abstract WebhookVerificationResult Verify(in WebhookRequest request, DateTimeOffset now);

    /// <summary>
    /// Reads the delivery id and the event type of a verified delivery. Returns <see langword="false"/> when the
    /// body does not have the shape the scheme reads them from (the endpoint answers 400).
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    /// <param name="envelope">The id and event type.</param>
    public abstract bool TryReadEnvelope(in WebhookRequest request, out WebhookEnvelope envelope);

    /// <summary>
    /// Answers a provider handshake (after verification where the provider signs it) instead of running a handler.
    /// Returns <see langword="null"/> for ordinary deliveries. The default answers none.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    /// <param name="envelope">Its id and event type.</param>
    public virtual WebhookHandshakeResponse? GetHandshakeResponse(in WebhookRequest request, in WebhookEnvelope envelope) => null;

    /// <summary>
    /// Gets a value indicating whether the provider also calls the webhook URL with GET for a handshake (Meta's
    /// subscription check); <c>MapWebhook</c> then maps GET as well, answered by <see cref="AnswerGet"/> alone. The default is <see langword="false"/>.
    /// </summary>
    public virtual bool HandlesGet => false;

    /// <summary>
    /// Answers a GET handshake from its query string, without handlers and without the nonce store. Returns
    /// <see langword="null"/> when the query is not a handshake the scheme knows (the endpoint answers 400). The default answers none.
    /// </summary>
    /// <param name="query">The query string of the GET request.</param>
    public virtual WebhookHandshakeResponse? AnswerGet(IQueryCollection query) => null;

    /// <summary>
    /// Gets the replay key of a delivery that carries no id. The default hashes the signature header named by
    /// <see cref="SignatureHeaderName"/>; returns <see langword="null"/> when there is nothing to key on.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    public virtual string? GetFallbackReplayKey(in WebhookRequest request)
    {
        var signature = SignatureHeaderName is null ? null : request.GetHeader(SignatureHeaderName);
        return signature is null ? null : HashForReplayKey(signature);
    }

    /// <summary>
    /// Gets the JSON a verified delivery's payload is deserialized from (for <see cref="Webhook{T}.Payload"/>). The default
    /// is the body itself; schemes whose providers also post other encodings (e.g. Slack's form bodies) return the JSON
    /// they carry. <see cref="Webhook.Body"/> stays the exact received bytes either way.
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    public virtual ReadOnlyMemory<byte> GetPayloadJson(in WebhookRequest request) => request.Body;

    /// <summary>Gets the name of the header carrying the signature, if there is one.</summary>
    protected virtual string? SignatureHeaderName => null;

    /// <summary>
    /// Signs a delivery as the provider would, with the first configured secret (or private key). Throws
    /// <see cref="InvalidOperationException"/> when the scheme holds only keys that cannot sign (public keys).
    /// </summary>
    /// <param name="request">What to sign.</param>
    public abstract WebhookSignedRequest Sign(WebhookSigningRequest request);

    /// <summary>Builds the header list of a signed request.</summary>
    /// <param name="headers">Name/value pairs.</param>
    protected static IReadOnlyList<KeyValuePair<string, string>> Headers(params (string Name, string Value)[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var list = new KeyValuePair<string, string>[headers.Length];
        for (var i = 0; i < headers.Length; i++)
            list[i] = new(headers[i].Name, headers[i].Value);
        return list;
    }

    /// <summary>Hashes a value (e.g. a signature) into a short, fixed-length replay key.</summary>
    /// <param name="value">The value to hash.</param>
    protected static string HashForReplayKey(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return HashForReplayKey(System.Text.Encoding.UTF8.GetBytes(value), "sig-");
    }

    /// <summary>
    /// Hashes bytes (e.g. the verified body of a provider that sends no delivery id but resends the same body on
    /// retries) into a short, fixed-length replay key starting with <paramref name="prefix"/>.
    /// </summary>
    /// <param name="value">The bytes to hash.</param>
    /// <param name="prefix">The key's prefix, e.g. <c>body-</c>.</param>
    protected static string HashForReplayKey(ReadOnlySpan<byte> value, string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(value, hash);
        return prefix + Convert.ToHexStringLower(hash[..16]);
    }
}
