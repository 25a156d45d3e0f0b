namespace WebhookReceiver;

/// <summary>Names and defaults of the DocuSign Connect scheme.</summary>
public static class DocuSignDefaults
{
    /// <summary>The provider id and default scheme name: <c>docusign</c>.</summary>
    public const string ProviderId = "docusign";

    /// <summary>
    /// The prefix of the signature headers: <c>X-DocuSign-Signature-1</c>, <c>-2</c>, … one per active Connect HMAC key
    /// (up to <see cref="MaxSignatureHeaders"/>), each a base64 HMAC-SHA256 of the body.
    /// </summary>
    public const string SignatureHeaderPrefix = "X-DocuSign-Signature-";

    /// <summary>The first signature header, <c>X-DocuSign-Signature-1</c> (the one a signer writes).</summary>
    public const string SignatureHeader = SignatureHeaderPrefix + "1";

    /// <summary>The most signature headers read: DocuSign allows up to 100 Connect HMAC keys.</summary>
    public const int MaxSignatureHeaders = 100;

    /// <summary>The body property holding the event type (signed), e.g. <c>envelope-completed</c>.</summary>
    public const string EventProperty = "event";
}
