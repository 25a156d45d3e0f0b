namespace WebhookReceiver.Internal;

/// <summary>Where one HMAC signature of a scheme travels: the header and its format, the algorithm, the encoding.</summary>
internal sealed class HmacSignatureSource
{
    /// <summary>A header of one prefixed signature, or of several when <paramref name="separator"/> is given.</summary>
    public HmacSignatureSource(string header, string prefix, WebhookHmacAlgorithm algorithm, WebhookSignatureEncoding encoding, string? separator = null)
        : this(new PrefixedSignatureFormat(header, prefix, separator), algorithm, encoding)
    {
    }

    public HmacSignatureSource(SignatureHeaderFormat format, WebhookHmacAlgorithm algorithm, WebhookSignatureEncoding encoding)
    {
        Format = format;
        Algorithm = algorithm;
        Encoding = encoding;
    }

    public SignatureHeaderFormat Format { get; }

    public string Header => Format.Header;

    public WebhookHmacAlgorithm Algorithm { get; }

    public WebhookSignatureEncoding Encoding { get; }

    /// <summary>The expected shape, for failure reasons, e.g. <c>'sha256=&lt;hex&gt;'</c>.</summary>
    public string Shape => Format.Shape.Replace("<signature>", Encoding == WebhookSignatureEncoding.Hex ? "<hex>" : "<base64>", StringComparison.Ordinal);
}
