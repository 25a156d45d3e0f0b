using System.Globalization;

namespace WebhookReceiver.Internal;

/// <summary>
/// One header carrying a Unix-seconds timestamp and any number of hex HMAC-SHA256 signatures as <c>key=value</c> pairs,
/// over <c>{timestamp}{separator}{body}</c>: Stripe and Calendly (<c>t=…,v1=…</c>, <c>.</c>), Paddle (<c>ts=…;h1=…</c>, <c>:</c>).
/// Any listed signature matching any key passes (secret rotation); other keys (e.g. Stripe's <c>v0</c>) are ignored.
/// </summary>
internal sealed class TimestampedHeaderFormat(string headerName, char pairSeparator, string timestampKey, string signatureKey, string contentSeparator)
{
    public string HeaderName => headerName;

    public WebhookVerificationResult Verify(in WebhookRequest request, byte[][] keys, TimeSpan tolerance, DateTimeOffset now)
    {
        var header = request.GetHeader(headerName);
        if (header is null)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {headerName} header");
        Span<Range> signatures = stackalloc Range[TimestampedHmac.MaxCandidates];
        var count = SignatureHeaderList.Read(header, pairSeparator, timestampKey, signatureKey, out var timestampRange, signatures);
        if (timestampRange is not { } range)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{headerName} has no {timestampKey}= timestamp");
        var timestamp = header.AsSpan()[range].Trim();
        if (!WebhookTimestamp.TryParseUnixSeconds(timestamp, out var signedAt))
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{headerName} {timestampKey}= is not Unix seconds");
        if (count == 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader, $"{headerName} has no {signatureKey}= signature");
        var time = WebhookTimestamp.Check(signedAt, now, tolerance);
        if (!time.Succeeded)
            return time;
        return TimestampedHmac.Verify(keys, default, timestamp, contentSeparator, request.Body.Span, header, signatures[..count], signedAt, headerName);
    }

    /// <summary>Signs <paramref name="request"/> with <paramref name="key"/>: one header, e.g. <c>t=1700000000,v1=…</c>.</summary>
    public WebhookSignedRequest Sign(byte[] key, WebhookSigningRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Timestamp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = TimestampedHmac.Sign(key, default, text, contentSeparator, request.Body.Span);
        var header = string.Concat(timestampKey, "=", text, pairSeparator.ToString(), signatureKey, "=", signature);
        return new WebhookSignedRequest(request.Method, request.Url, [new(headerName, header)], request.Body);
    }
}
