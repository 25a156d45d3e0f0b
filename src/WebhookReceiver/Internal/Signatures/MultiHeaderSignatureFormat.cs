namespace WebhookReceiver.Internal;

/// <summary>
/// Signatures spread over several headers, one bare value each, any of which may match: Box's
/// <c>BOX-SIGNATURE-PRIMARY</c> and <c>-SECONDARY</c> (one per signature key, so a rotation keeps one matching), DocuSign's
/// <c>X-DocuSign-Signature-1</c> … <c>-100</c> (one per Connect key). The values of the headers present are read as one
/// comma-separated list; signing writes the first header.
/// </summary>
internal sealed class MultiHeaderSignatureFormat : SignatureHeaderFormat
{
    private readonly string[] _headers;
    private readonly PrefixedSignatureFormat _list;

    public MultiHeaderSignatureFormat(IReadOnlyList<string> headers)
        : base(headers[0])
    {
        _headers = [.. headers];
        _list = new PrefixedSignatureFormat(headers[0], string.Empty, ",");
    }

    public override int CandidateLimit => Math.Max(MaxCandidates, _headers.Length);

    public override string Shape => $"'<signature>' in {Header}{(_headers.Length > 1 ? $" … {_headers[^1]}" : "")}";

    public override string? ReadValue(in WebhookRequest request)
    {
        string? only = null;
        List<string>? several = null;
        foreach (var name in _headers)
        {
            if (request.GetHeader(name) is not { } value)
                continue;
            if (only is null)
            {
                only = value;
                continue;
            }
            several ??= [only];
            several.Add(value);
        }
        return several is null ? only : string.Join(',', several);
    }

    public override int Read(ReadOnlySpan<char> value, Span<Range> candidates, out Range? timestamp)
        => _list.Read(value, candidates, out timestamp);

    public override string Write(string signature, string? timestamp) => signature;
}
