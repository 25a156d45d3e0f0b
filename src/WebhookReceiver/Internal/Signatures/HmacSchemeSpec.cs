namespace WebhookReceiver.Internal;

/// <summary>
/// Describes an HMAC scheme completely: where the signatures are and how they are written, what is signed, where the
/// delivery id, event type and timestamp come from, and which event is a ping the library answers itself. Built-in
/// providers describe themselves with one of these; the generic <c>hmac</c> provider builds one from its options.
/// </summary>
internal sealed class HmacSchemeSpec
{
    /// <summary>The signature headers, tried in order; the first one present is verified (later ones are legacy fallbacks).</summary>
    public required IReadOnlyList<HmacSignatureSource> Signatures { get; init; }

    /// <summary>What is signed. The default is the body alone.</summary>
    public HmacSignedContent Content { get; init; } = HmacSignedContent.BodyOnly;

    public HmacValueSource DeliveryId { get; init; }

    public HmacValueSource EventType { get; init; }

    /// <summary>
    /// The signed timestamp: a header (checked before the HMAC) or a body property (checked after it, on verified bytes).
    /// Formats that carry the timestamp in the signature header (<see cref="KeyValueSignatureFormat"/>) need none here.
    /// </summary>
    public HmacValueSource Timestamp { get; init; }

    /// <summary>How the timestamp is written. The default is Unix seconds.</summary>
    public TimestampFormat TimestampFormat { get; init; }

    /// <summary>Whether secrets are base64 key bytes rather than UTF-8 text.</summary>
    public bool Base64Secrets { get; init; }

    /// <summary>A prefix removed from each secret before decoding (e.g. <c>whsec_</c>).</summary>
    public string? SecretPrefix { get; init; }

    /// <summary>The event type of the provider's ping, acknowledged with <c>{"status":"pong"}</c> without a handler.</summary>
    public string? PingEventType { get; init; }

    /// <summary>Appended to the "no signature header" reason (e.g. how to enable a legacy header).</summary>
    public string? MissingSignatureHint { get; init; }

    /// <summary>
    /// Unsigned headers the provider sends with the same value on every delivery (e.g. Box's signature version), written
    /// by <c>Sign</c> so receivers built on the provider's SDK, which require them, take the signed request. Not verified.
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, string>> ConstantHeaders { get; init; } = [];

    public HmacSignatureSource Primary => Signatures[0];

    /// <summary>Whether a signed timestamp is checked at all.</summary>
    public bool SignsTimestamp => Timestamp.Header is not null || Timestamp.Property is not null || Primary.Format.CarriesTimestamp;
}
