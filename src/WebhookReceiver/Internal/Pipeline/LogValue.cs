using System.Text;

namespace WebhookReceiver.Internal;

/// <summary>
/// Turns values read from a verified delivery into log text: at most <see cref="MaxLength"/> characters, control and
/// non-ASCII characters escaped (no forged log lines), and an unsigned value marked as such.
/// </summary>
internal static class LogValue
{
    public const int MaxLength = 100;

    public static string? Of(in WebhookValue value)
    {
        if (value.Value is not { } text)
            return null;
        var safe = Escape(text);
        return value.IsSigned ? safe : string.Concat(safe, " (unsigned)");
    }

    public static string Escape(string text)
    {
        var plain = text.Length <= MaxLength;
        foreach (var c in text)
        {
            if (c is < ' ' or > '~')
            {
                plain = false;
                break;
            }
        }
        if (plain)
            return text;
        var builder = new StringBuilder(Math.Min(text.Length, MaxLength) + 8);
        foreach (var c in text)
        {
            if (builder.Length >= MaxLength)
            {
                builder.Append('…');
                break;
            }
            if (c is >= ' ' and <= '~')
                builder.Append(c);
            else
                builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
        }
        return builder.ToString();
    }
}
