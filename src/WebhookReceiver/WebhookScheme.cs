namespace WebhookReceiver;

/// <summary>
/// A configured webhook scheme: one provider's signature rules with the keys of one named registration,
/// prepared once from its options (keys decoded, header names fixed) and used for every request.
/// A delivery is verified and read once (<see cref="Verify"/>): first its signature, over the exact bytes and nothing
/// parsed, then, only when that passed, its events from the proven bytes. Signing lives beside verifying so that tests
/// and the CLI sign with the very code the receiver checks. Optional capabilities are interfaces
/// (<see cref="IWebhookGetHandshake"/>).
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
        PublicBase = Internal.WebhookUrl.ParseBase(options.PublicBaseUrl);
    }

    /// <summary>Gets the registration name.</summary>
    public string Name { get; }

    /// <summary>Gets the options the scheme was built from.</summary>
    public WebhookSchemeOptions Options { get; }

    /// <summary>Gets a value indicating whether <see cref="Verify"/> needs <see cref="WebhookRequest.Url"/>.</summary>
    public virtual bool RequiresUrl => false;

    /// <summary>
    /// Whether the scheme reads the request's query string (Event Grid's delivery secret, Microsoft Graph's
    /// <c>validationToken</c>) without signing the URL: the endpoint then passes <see cref="WebhookRequest.Url"/> too,
    /// and no host needs pinning (<see cref="WebhookSchemeOptions.PublicBaseUrl"/> is not required).
    /// </summary>
    internal virtual bool ReadsQuery => false;

    /// <summary>
    /// Gets the request headers that carry key material of this scheme (GitLab's <c>X-Gitlab-Token</c> is the secret
    /// itself): redacted wherever a delivery is stored or written (capture files, the inbox), besides
    /// <c>Authorization</c>, <c>Proxy-Authorization</c> and <c>Cookie</c>. The default is none.
    /// </summary>
    public virtual IReadOnlyList<string> SecretHeaders => [];

    /// <summary>
    /// Gets the query parameters that carry key material (Event Grid's <c>code</c>): redacted wherever a delivery is
    /// stored or written (capture files). The default is none.
    /// </summary>
    internal virtual IReadOnlyList<string> SecretQueryParameters => [];

    /// <summary>
    /// Whether the provider reads the handler's reply (Discord interactions, Slack commands and forms, TwiML): such a
    /// scheme refuses inbox mode at start-up, since its deliveries cannot be acknowledged before their handler runs.
    /// </summary>
    internal virtual bool RepliesSynchronously => false;

    /// <summary>
    /// Whether the provider checks the webhook URL with a HEAD request before it sends anything (Trello, when a webhook is
    /// created): <c>MapWebhook</c> then maps HEAD too, answered 200 with no body, no handler and no nonce store.
    /// </summary>
    internal virtual bool AnswersHead => false;

    /// <summary>
    /// Whether the provider wants the library's own answers to a delivery without a body (Xero: "there is no body in the
    /// response", 200 or 401 alone): <c>{"status":…}</c> acknowledgments and problem details are then written as their
    /// status code (and headers such as <c>Retry-After</c>) with <c>Content-Length: 0</c>. Answers the scheme writes
    /// itself (handshakes, <see cref="WebhookDelivery.Acknowledgment"/>) and handlers' replies are written as they are.
    /// </summary>
    internal virtual bool AnswersWithoutBody => false;

    /// <summary>
    /// How the provider wraps the object its events are about (Stripe's <c>data.object</c>), or <see langword="null"/> when
    /// the event's JSON is the object itself or has no one shape: a handler whose payload type has none of the envelope's
    /// top-level members is warned about at start-up.
    /// </summary>
    internal virtual Internal.WebhookPayloadEnvelope? PayloadEnvelope => null;

    /// <summary>The parsed <see cref="WebhookSchemeOptions.PublicBaseUrl"/>, or <see langword="null"/>.</summary>
    internal Internal.WebhookUrl.PublicBase? PublicBase { get; }

    /// <summary>
    /// Verifies a delivery and reads it: every signature in the request against every configured key, compared in
    /// constant time, and the signed timestamp against <paramref name="now"/> within the tolerance; then, only when that
    /// passed, the delivery's events. Success carries <see cref="WebhookVerificationResult.Delivery"/>; a verified
    /// delivery that cannot be read fails with <see cref="WebhookVerificationFailure.UnreadableDelivery"/>. Never throws
    /// for bad input.
    /// </summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">The receiver's current time.</param>
    public WebhookVerificationResult Verify(in WebhookRequest request, DateTimeOffset now)
    {
        var signature = VerifySignature(request, now);
        if (!signature.Succeeded)
            return signature;
        if (ReadDelivery(request) is not { } delivery)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.UnreadableDelivery,
                "the signature verified, but the body does not have the shape the provider sends");
        delivery.Timestamp = signature.Timestamp;
        return WebhookVerificationResult.Success(delivery);
    }

    /// <summary>The signature check of <see cref="Verify"/> without reading the delivery (benchmarks measure it apart).</summary>
    internal WebhookVerificationResult VerifySignatureOnly(in WebhookRequest request, DateTimeOffset now) => VerifySignature(request, now);

    /// <summary>
    /// Checks the signature (and signed timestamp) over the exact bytes, reading no more of the body than the signature
    /// needs. Returns <see cref="WebhookVerificationResult.Success(DateTimeOffset?)"/> with the signed timestamp, or a failure.
    /// </summary>
    /// <param name="request">The delivery.</param>
    /// <param name="now">The receiver's current time.</param>
    protected abstract WebhookVerificationResult VerifySignature(in WebhookRequest request, DateTimeOffset now);

    /// <summary>
    /// Reads a delivery whose signature verified: its event (or a batch's events) with ids and event types marked signed
    /// or not, its handshake answer and acknowledgment (the signed timestamp is set by <see cref="Verify"/>). Returns <see langword="null"/> when the body does not have the
    /// shape the provider sends (the endpoint answers 400).
    /// </summary>
    /// <param name="request">The verified delivery.</param>
    protected abstract WebhookDelivery? ReadDelivery(in WebhookRequest request);

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
}
