using WebhookReceiver.Internal;

namespace WebhookReceiver;

/// <summary>
/// Options of the generic HMAC scheme, for providers that are not built in: where the signature is and how it is
/// written, what is signed (a template over <c>{id}</c>, <c>{timestamp}</c> and <c>{body}</c>), where the delivery id,
/// event type and timestamp come from. Checked at start-up with messages that say what to fix.
/// </summary>
public sealed class HmacOptions : WebhookSchemeOptions
{
    /// <summary>Initializes the options with the defaults (HMAC-SHA256, hex, the body alone, 5 minutes tolerance).</summary>
    public HmacOptions() => Tolerance = HmacDefaults.Tolerance;

    /// <summary>Gets or sets the header carrying the signature, e.g. <c>X-Signature</c>. Required.</summary>
    public string? SignatureHeader { get; set; }

    /// <summary>Gets or sets the text before each signature, e.g. <c>sha256=</c>. The default is none.</summary>
    public string SignaturePrefix { get; set; } = "";

    /// <summary>
    /// Gets or sets the separator between several signatures in the header (e.g. <c>,</c> or a space), any of which
    /// may match, as providers send during a key rotation. The default is <see langword="null"/>: one signature.
    /// </summary>
    public string? SignatureSeparator { get; set; }

    /// <summary>Gets or sets the hash function. The default is <see cref="WebhookHmacAlgorithm.Sha256"/>.</summary>
    public WebhookHmacAlgorithm Algorithm { get; set; } = WebhookHmacAlgorithm.Sha256;

    /// <summary>Gets or sets how the signature is written. The default is <see cref="WebhookSignatureEncoding.Hex"/>.</summary>
    public WebhookSignatureEncoding Encoding { get; set; } = WebhookSignatureEncoding.Hex;

    /// <summary>
    /// Gets or sets what is signed: literal text with the placeholders <c>{id}</c> (the delivery id header),
    /// <c>{timestamp}</c> (the timestamp header, as sent) and <c>{body}</c> (the exact body, required once), e.g.
    /// <c>{id}.{timestamp}.{body}</c>; <c>{{</c> and <c>}}</c> are literal braces. Parsed once at start-up.
    /// The default is <c>{body}</c>.
    /// </summary>
    public string SignedContent { get; set; } = HmacDefaults.SignedContent;

    /// <summary>Gets or sets how secrets become key bytes. The default is <see cref="HmacSecretEncoding.Utf8"/>.</summary>
    public HmacSecretEncoding SecretEncoding { get; set; } = HmacSecretEncoding.Utf8;

    /// <summary>Gets or sets a prefix removed from each secret before it is decoded, e.g. <c>whsec_</c>. The default is none.</summary>
    public string? SecretPrefix { get; set; }

    /// <summary>
    /// Gets or sets the header carrying the signed timestamp; it must then appear in <see cref="SignedContent"/> as
    /// <c>{timestamp}</c> and is checked against <see cref="WebhookSchemeOptions.Tolerance"/>. The default is none.
    /// </summary>
    public string? TimestampHeader { get; set; }

    /// <summary>
    /// Gets or sets the top-level body property carrying the timestamp (signed with the body), checked against
    /// <see cref="WebhookSchemeOptions.Tolerance"/> after the signature. Exclusive with <see cref="TimestampHeader"/>. The default is none.
    /// </summary>
    public string? TimestampProperty { get; set; }

    /// <summary>Gets or sets the unit of the timestamp. The default is <see cref="HmacTimestampUnit.Seconds"/>.</summary>
    public HmacTimestampUnit TimestampUnit { get; set; } = HmacTimestampUnit.Seconds;

    /// <summary>Gets or sets the header carrying the delivery id (the replay key; <c>{id}</c> in the template). The default is none.</summary>
    public string? DeliveryIdHeader { get; set; }

    /// <summary>Gets or sets the top-level body property carrying the delivery id. Exclusive with <see cref="DeliveryIdHeader"/>. The default is none.</summary>
    public string? DeliveryIdProperty { get; set; }

    /// <summary>Gets or sets the header carrying the event type. The default is none.</summary>
    public string? EventTypeHeader { get; set; }

    /// <summary>Gets or sets the top-level body property carrying the event type. Exclusive with <see cref="EventTypeHeader"/>. The default is none.</summary>
    public string? EventTypeProperty { get; set; }

    /// <inheritdoc />
    public override void Validate(ICollection<string> errors)
    {
        base.Validate(errors);
        BuildSpec(errors);
    }

    /// <summary>Builds the scheme description, or adds what is wrong to <paramref name="errors"/> and returns <see langword="null"/>.</summary>
    internal HmacSchemeSpec? BuildSpec(ICollection<string> errors)
    {
        var before = errors.Count;
        if (string.IsNullOrWhiteSpace(SignatureHeader))
            errors.Add("SignatureHeader is required: the header carrying the signature, e.g. X-Signature");
        if (!Enum.IsDefined(Algorithm))
            errors.Add("Algorithm must be Sha1, Sha256 or Sha512");
        if (!Enum.IsDefined(Encoding))
            errors.Add("Encoding must be Hex or Base64");
        if (!Enum.IsDefined(SecretEncoding))
            errors.Add("SecretEncoding must be Utf8 or Base64");
        if (!Enum.IsDefined(TimestampUnit))
            errors.Add("TimestampUnit must be Seconds or Milliseconds");
        Exclusive(errors, "Timestamp", TimestampHeader, TimestampProperty);
        Exclusive(errors, "DeliveryId", DeliveryIdHeader, DeliveryIdProperty);
        Exclusive(errors, "EventType", EventTypeHeader, EventTypeProperty);
        if (!HmacSignedContent.TryParse(SignedContent, out var content, out var error))
        {
            errors.Add(error!);
        }
        else
        {
            if (content.UsesTimestamp && string.IsNullOrEmpty(TimestampHeader))
                errors.Add("SignedContent uses {timestamp} but no TimestampHeader is configured"
                    + (string.IsNullOrEmpty(TimestampProperty) ? "" : " (TimestampProperty is inside the body, already signed by {body})"));
            if (!content.UsesTimestamp && !string.IsNullOrEmpty(TimestampHeader))
                errors.Add("TimestampHeader is set but SignedContent does not contain {timestamp}: an unsigned timestamp can be changed by anyone and protects against nothing");
            if (content.UsesId && string.IsNullOrEmpty(DeliveryIdHeader))
                errors.Add("SignedContent uses {id} but no DeliveryIdHeader is configured");
        }
        if (errors.Count != before)
            return null;
        return new HmacSchemeSpec
        {
            Signatures = [new HmacSignatureSource(SignatureHeader!.Trim(), SignaturePrefix ?? "", Algorithm, Encoding,
                string.IsNullOrEmpty(SignatureSeparator) ? null : SignatureSeparator)],
            Content = content,
            DeliveryId = HmacValueSource.From(DeliveryIdHeader, DeliveryIdProperty),
            EventType = HmacValueSource.From(EventTypeHeader, EventTypeProperty),
            Timestamp = HmacValueSource.From(TimestampHeader, TimestampProperty),
            TimestampFormat = TimestampUnit == HmacTimestampUnit.Milliseconds ? TimestampFormat.UnixMilliseconds : TimestampFormat.UnixSeconds,
            Base64Secrets = SecretEncoding == HmacSecretEncoding.Base64,
            SecretPrefix = SecretPrefix,
        };
    }

    private static void Exclusive(ICollection<string> errors, string name, string? header, string? property)
    {
        if (!string.IsNullOrEmpty(header) && !string.IsNullOrEmpty(property))
            errors.Add($"{name}Header and {name}Property are both set: the {char.ToLowerInvariant(name[0])}{name[1..]} comes from one place, set only one");
    }
}
