using System.Globalization;

namespace WebhookReceiver.Internal;

/// <summary>
/// A Unix-seconds timestamp in its own header and one <c>{version}=&lt;hex&gt;</c> HMAC-SHA256 signature over
/// <c>{version}:{timestamp}:{body}</c> in another: Slack (<c>X-Slack-Signature</c>) and Zoom (<c>x-zm-signature</c>).
/// </summary>
internal sealed class SplitTimestampFormat(string signatureHeader, string timestampHeader, string version)
{
    private readonly string _contentPrefix = version + ":";
    private readonly string _signaturePrefix = version + "=";

    public string SignatureHeader => signatureHeader;

    public WebhookVerificationResult Verify(in WebhookRequest request, byte[][] keys, TimeSpan tolerance, DateTimeOffset now)
    {
        var signature = request.GetHeader(signatureHeader);
        if (signature is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {signatureHeader} header");
        var timestamp = request.GetHeader(timestampHeader);
        if (timestamp is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {timestampHeader} header");
        var text = timestamp.AsSpan().Trim();
        if (!WebhookTimestamp.TryParseUnixSeconds(text, out var signedAt))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{timestampHeader} is not Unix seconds");
        var time = WebhookTimestamp.Check(signedAt, now, tolerance);
        if (!time.Succeeded)
            return time;
        return TimestampedHmac.VerifyPrefixed(keys, _contentPrefix, text, ":", request.Body.Span, signature, _signaturePrefix, signedAt, signatureHeader);
    }

    /// <summary>Signs <paramref name="request"/> with <paramref name="key"/>: the timestamp and the signature header.</summary>
    public WebhookSignedRequest Sign(byte[] key, WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = _signaturePrefix + TimestampedHmac.Sign(key, _contentPrefix, text, ":", request.Body.Span);
        return new WebhookSignedRequest(request.Method, request.Url, [new(timestampHeader, text), new(signatureHeader, signature)], request.Body);
    }
}
