namespace WebhookReceiver.Internal;

/// <summary>
/// A header of one signature after a fixed prefix (<c>sha256=&lt;hex&gt;</c>, <c>v0=&lt;hex&gt;</c>, a bare value), or of
/// several such values when a separator is given.
/// </summary>
internal sealed class PrefixedSignatureFormat(string header, string prefix, string? separator = null) : SignatureHeaderFormat(header)
{
    public string Prefix { get; } = prefix;

    public override string Shape => separator is null ? $"'{Prefix}<signature>'" : $"'{Prefix}<signature>' entries separated by '{separator}'";

    public override int Read(ReadOnlySpan<char> value, Span<Range> candidates, out Range? timestamp)
    {
        timestamp = null;
        var count = 0;
        var offset = 0;
        var remaining = value;
        while (!remaining.IsEmpty && count < candidates.Length)
        {
            var cut = separator is null ? -1 : remaining.IndexOf(separator, StringComparison.Ordinal);
            var length = cut < 0 ? remaining.Length : cut;
            var entry = remaining[..length];
            var lead = entry.Length - entry.TrimStart().Length;
            var trimmed = entry.Trim();
            if (trimmed.StartsWith(Prefix, StringComparison.Ordinal) && trimmed.Length > Prefix.Length)
                candidates[count++] = new Range(offset + lead + Prefix.Length, offset + lead + trimmed.Length);
            if (cut < 0)
                break;
            offset += cut + separator!.Length;
            remaining = remaining[(cut + separator.Length)..];
        }
        return count;
    }

    public override string Write(string signature, string? timestamp) => Prefix + signature;
}
