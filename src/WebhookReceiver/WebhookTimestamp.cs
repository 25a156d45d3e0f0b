using System.Globalization;

namespace WebhookReceiver;

/// <summary>Checks signed timestamps against the receiver's clock; shared by every scheme that signs one.</summary>
public static class WebhookTimestamp
{
    /// <summary>
    /// Succeeds when <paramref name="signedAt"/> is within <paramref name="tolerance"/> of <paramref name="now"/>,
    /// in either direction; otherwise fails with how far off it is.
    /// </summary>
    /// <param name="signedAt">The timestamp the provider signed.</param>
    /// <param name="now">The receiver's current time.</param>
    /// <param name="tolerance">The accepted distance.</param>
    public static WebhookVerificationResult Check(DateTimeOffset signedAt, DateTimeOffset now, TimeSpan tolerance)
    {
        var age = now - signedAt;
        if (age > tolerance)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.TimestampTooOld,
                string.Create(CultureInfo.InvariantCulture, $"timestamp {Seconds(age)} s old, tolerance {Seconds(tolerance)} s"));
        if (-age > tolerance)
            return WebhookVerificationResult.Fail(WebhookVerificationFailure.TimestampTooNew,
                string.Create(CultureInfo.InvariantCulture, $"timestamp {Seconds(-age)} s in the future, tolerance {Seconds(tolerance)} s"));
        return WebhookVerificationResult.Success(signedAt);
    }

    /// <summary>Parses Unix seconds (digits only, as providers send them) into a time.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="timestamp">The parsed time.</param>
    public static bool TryParseUnixSeconds(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
        => TryParseUnix(text, 1, out timestamp);

    /// <summary>Parses Unix milliseconds (digits only) into a time.</summary>
    /// <param name="text">The header value.</param>
    /// <param name="timestamp">The parsed time.</param>
    public static bool TryParseUnixMilliseconds(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
        => TryParseUnix(text, 1000, out timestamp);

    private static bool TryParseUnix(ReadOnlySpan<char> text, long unitsPerSecond, out DateTimeOffset timestamp)
    {
        timestamp = default;
        if (text.IsEmpty || text.Length > 16)
            return false;
        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
                return false;
        }
        var value = long.Parse(text, NumberStyles.None, CultureInfo.InvariantCulture);
        var max = DateTimeOffset.MaxValue.ToUnixTimeSeconds() * unitsPerSecond;
        if (value > max)
            return false;
        timestamp = unitsPerSecond == 1 ? DateTimeOffset.FromUnixTimeSeconds(value) : DateTimeOffset.FromUnixTimeMilliseconds(value);
        return true;
    }

    private static long Seconds(TimeSpan span) => (long)Math.Round(span.TotalSeconds);
}
