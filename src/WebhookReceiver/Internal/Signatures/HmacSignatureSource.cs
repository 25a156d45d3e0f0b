namespace WebhookReceiver.Internal;

/// <summary>
/// One header an HMAC scheme reads signatures from: its name, the prefix before each signature (e.g. <c>sha256=</c>),
/// the hash and the encoding, and the separator between several signatures (rotation), if the provider sends several.
/// </summary>
internal sealed record HmacSignatureSource(
    string Header,
    string Prefix,
    WebhookHmacAlgorithm Algorithm,
    WebhookSignatureEncoding Encoding,
    string? Separator = null)
{
    /// <summary>How a signature looks, for messages: e.g. <c>'sha256=&lt;hex&gt;'</c>.</summary>
    public string Shape => $"'{Prefix}<{(Encoding == WebhookSignatureEncoding.Hex ? "hex" : "base64")}>'";
}
