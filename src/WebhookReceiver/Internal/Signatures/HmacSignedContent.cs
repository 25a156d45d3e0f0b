using System.Text;

namespace WebhookReceiver.Internal;

/// <summary>
/// The signed-content template of an HMAC scheme (e.g. <c>{id}.{timestamp}.{body}</c>), parsed once at start-up into
/// parts (literal bytes, id, timestamp, body) and written per request into a pooled buffer: never formatted as a string.
/// <c>{{</c> and <c>}}</c> stand for literal braces.
/// </summary>
internal sealed class HmacSignedContent
{
    private const string IdToken = "{id}";
    private const string TimestampToken = "{timestamp}";
    private const string BodyToken = "{body}";

    private readonly Part[] _parts;
    private readonly int _literalLength;

    private HmacSignedContent(Part[] parts)
    {
        _parts = parts;
        foreach (var part in parts)
        {
            _literalLength += part.Literal?.Length ?? 0;
            UsesId |= part.Kind == PartKind.Id;
            UsesTimestamp |= part.Kind == PartKind.Timestamp;
        }
        IsBodyOnly = parts is [{ Kind: PartKind.Body }];
    }

    /// <summary>The body alone, what most providers sign.</summary>
    public static HmacSignedContent BodyOnly { get; } = new([new Part(PartKind.Body, null)]);

    public bool UsesId { get; }

    public bool UsesTimestamp { get; }

    /// <summary>Whether the content is the body itself (signed in place, without copying).</summary>
    public bool IsBodyOnly { get; }

    /// <summary>Parses a built-in provider's template; throws on a malformed one (a bug, not configuration).</summary>
    public static HmacSignedContent Parse(string template)
        => TryParse(template, out var content, out var error) ? content : throw new ArgumentException(error, nameof(template));

    /// <summary>Parses a template; on failure <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse(string? template, out HmacSignedContent content, out string? error)
    {
        content = BodyOnly;
        error = null;
        if (string.IsNullOrEmpty(template))
        {
            error = "SignedContent must not be empty (the default is '{body}')";
            return false;
        }
        var parts = new List<Part>();
        var literal = new StringBuilder();
        var bodies = 0;
        for (var i = 0; i < template.Length;)
        {
            var rest = template.AsSpan(i);
            if (rest.StartsWith("{{") || rest.StartsWith("}}"))
            {
                literal.Append(rest[0]);
                i += 2;
                continue;
            }
            if (rest[0] == '}')
            {
                error = $"SignedContent has a lone '}}' at position {i} (write '}}}}' for a literal brace)";
                return false;
            }
            if (rest[0] != '{')
            {
                literal.Append(rest[0]);
                i++;
                continue;
            }
            var kind = rest.StartsWith(IdToken) ? PartKind.Id
                : rest.StartsWith(TimestampToken) ? PartKind.Timestamp
                : rest.StartsWith(BodyToken) ? PartKind.Body
                : PartKind.Literal;
            if (kind == PartKind.Literal)
            {
                var end = rest.IndexOf('}');
                var unknown = end < 0 ? rest.ToString() : rest[..(end + 1)].ToString();
                error = $"SignedContent has an unknown placeholder '{unknown}' (known: {IdToken}, {TimestampToken}, {BodyToken}; write '{{{{' for a literal brace)";
                return false;
            }
            Flush(parts, literal);
            parts.Add(new Part(kind, null));
            bodies += kind == PartKind.Body ? 1 : 0;
            i += kind switch { PartKind.Id => IdToken.Length, PartKind.Timestamp => TimestampToken.Length, _ => BodyToken.Length };
        }
        Flush(parts, literal);
        if (bodies != 1)
        {
            error = bodies == 0
                ? "SignedContent must contain {body}: a signature that does not cover the body proves nothing about it"
                : "SignedContent must contain {body} exactly once";
            return false;
        }
        content = new HmacSignedContent([.. parts]);
        return true;
    }

    /// <summary>
    /// Writes the content into a pooled buffer (the caller disposes it): literals, the id and the timestamp as sent,
    /// the exact body bytes.
    /// </summary>
    public SignedContentBuffer Build(ReadOnlySpan<char> id, ReadOnlySpan<char> timestamp, ReadOnlySpan<byte> body)
    {
        var buffer = new SignedContentBuffer(_literalLength + body.Length
            + (UsesId ? Encoding.UTF8.GetMaxByteCount(id.Length) : 0) + (UsesTimestamp ? timestamp.Length : 0));
        foreach (var part in _parts)
        {
            switch (part.Kind)
            {
                case PartKind.Literal: buffer.Append(part.Literal.AsSpan()); break;
                case PartKind.Id: buffer.Append(id); break;
                case PartKind.Timestamp: buffer.Append(timestamp); break;
                default: buffer.Append(body); break;
            }
        }
        return buffer;
    }

    private static void Flush(List<Part> parts, StringBuilder literal)
    {
        if (literal.Length == 0)
            return;
        parts.Add(new Part(PartKind.Literal, Encoding.UTF8.GetBytes(literal.ToString())));
        literal.Clear();
    }

    private enum PartKind
    {
        Literal,
        Id,
        Timestamp,
        Body,
    }

    private readonly record struct Part(PartKind Kind, byte[]? Literal);
}
