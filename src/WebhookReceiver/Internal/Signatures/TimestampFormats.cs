using System.Globalization;

namespace WebhookReceiver.Internal;

/// <summary>Parses and writes the timestamp formats of <see cref="TimestampFormat"/>.</summary>
internal static class TimestampFormats
{
    public static bool TryParse(TimestampFormat format, ReadOnlySpan<char> text, out DateTimeOffset time) => format switch
    {
        TimestampFormat.UnixMilliseconds => WebhookTimestamp.TryParseUnixMilliseconds(text, out time),
        TimestampFormat.Rfc3339 => WebhookTimestamp.TryParseRfc3339(text, out time),
        _ => WebhookTimestamp.TryParseUnixSeconds(text, out time),
    };

    public static string Write(TimestampFormat format, DateTimeOffset time) => format switch
    {
        TimestampFormat.UnixMilliseconds => time.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
        TimestampFormat.Rfc3339 => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        _ => time.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
    };

    public static string Describe(TimestampFormat format) => format switch
    {
        TimestampFormat.UnixMilliseconds => "Unix milliseconds",
        TimestampFormat.Rfc3339 => "an RFC 3339 time",
        _ => "Unix seconds",
    };
}
