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

    /// <summary>
    /// Parses an RFC 3339 date-time (<c>2026-11-27T12:00:00.123456789Z</c> or with a <c>+hh:mm</c> offset) into a time.
    /// Fractional seconds of any length are accepted; digits beyond the 100 ns resolution of
    /// <see cref="DateTimeOffset"/> are dropped.
    /// </summary>
    /// <param name="text">The header value.</param>
    /// <param name="timestamp">The parsed time.</param>
    public static bool TryParseRfc3339(ReadOnlySpan<char> text, out DateTimeOffset timestamp)
    {
        timestamp = default;
        var input = text.Trim();
        if (input.Length is < 20 or > 64)
            return false;
        Span<char> shortened = stackalloc char[input.Length];
        var dot = input.IndexOf('.');
        if (dot > 0)
        {
            var end = dot + 1;
            while (end < input.Length && char.IsAsciiDigit(input[end]))
                end++;
            if (end == dot + 1)
                return false;
            var keep = Math.Min(end, dot + 8);
            input[..keep].CopyTo(shortened);
            input[end..].CopyTo(shortened[keep..]);
            return DateTimeOffset.TryParseExact(shortened[..(keep + input.Length - end)], Rfc3339Formats, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal, out timestamp);
        }
        return DateTimeOffset.TryParseExact(input, Rfc3339Formats, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out timestamp);
    }

    private static readonly string[] Rfc3339Formats = ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK"];

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
