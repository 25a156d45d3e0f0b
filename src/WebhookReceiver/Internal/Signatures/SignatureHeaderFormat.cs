namespace WebhookReceiver.Internal;

/// <summary>
/// How a provider writes its signature header: one value with a prefix (<c>sha256=…</c>), a list of prefixed values,
/// or a <c>key=value</c> list that carries the timestamp too (<c>t=…,v1=…</c>). Reads at most
/// <see cref="MaxCandidates"/> candidates, so a header of thousands of entries costs no more than a few.
/// </summary>
internal abstract class SignatureHeaderFormat(string header)
{
    /// <summary>The most signature candidates read from one header; providers send one, or a few during key rotation.</summary>
    public const int MaxCandidates = 16;

    public string Header { get; } = header;

    /// <summary>
    /// The most candidates this format reads: <see cref="MaxCandidates"/>, unless the provider sends one signature per
    /// configured key in headers of their own (DocuSign: up to 100).
    /// </summary>
    public virtual int CandidateLimit => MaxCandidates;

    /// <summary>The text this format parses: by default the first value of <see cref="Header"/>, or null when it is absent.</summary>
    public virtual string? ReadValue(in WebhookRequest request) => request.GetHeader(Header);

    /// <summary>Whether the header carries the signed timestamp itself.</summary>
    public virtual bool CarriesTimestamp => false;

    /// <summary>What a header without a candidate lacks, for failure reasons.</summary>
    public virtual string Missing => "no signature";

    /// <summary>A short description of the expected shape, for failure reasons.</summary>
    public abstract string Shape { get; }

    /// <summary>Finds the candidate signatures (ranges of <paramref name="value"/>) and the timestamp, if the format carries one.</summary>
    public abstract int Read(ReadOnlySpan<char> value, Span<Range> candidates, out Range? timestamp);

    /// <summary>Writes the header for one signature (and the timestamp, if the format carries one).</summary>
    public abstract string Write(string signature, string? timestamp);
}
