namespace WebhookReceiver.Internal;

/// <summary>
/// Reads the signature and timestamp headers that many schemes share and checks the timestamp against the tolerance,
/// with the specific reasons ("no X header", "X is not Unix seconds", "timestamp 412 s old, tolerance 300 s").
/// </summary>
internal static class SignedHeaders
{
    /// <summary>Succeeds with the signed time, both header values out; otherwise fails with why.</summary>
    public static WebhookVerificationResult Read(in WebhookRequest request, string signatureHeader, string timestampHeader, bool milliseconds,
        TimeSpan tolerance, DateTimeOffset now, out string signature, out string timestamp)
    {
        signature = request.GetHeader(signatureHeader) ?? "";
        timestamp = request.GetHeader(timestampHeader) ?? "";
        if (signature.Length == 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {signatureHeader} header");
        if (timestamp.Length == 0)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MissingHeader, $"no {timestampHeader} header");
        var parsed = milliseconds
            ? WebhookTimestamp.TryParseUnixMilliseconds(timestamp, out var signedAt)
            : WebhookTimestamp.TryParseUnixSeconds(timestamp, out signedAt);
        if (!parsed)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.MalformedHeader,
                $"{timestampHeader} is not Unix {(milliseconds ? "milliseconds" : "seconds")}");
        return WebhookTimestamp.Check(signedAt, now, tolerance);
    }
}
