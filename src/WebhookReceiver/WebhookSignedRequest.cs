namespace WebhookReceiver;

/// <summary>A signed delivery, ready to send: what a provider would put on the wire.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">The URL to send to (some schemes add query parameters), or <see langword="null"/>.</param>
/// <param name="Headers">The headers to add, in order.</param>
/// <param name="Body">The exact body bytes (some schemes sign fields inside the body).</param>
public sealed record WebhookSignedRequest(
    string Method,
    string? Url,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    ReadOnlyMemory<byte> Body);
