namespace WebhookReceiver;

/// <summary>
/// The answer to a provider handshake (Slack <c>url_verification</c>, Discord PING, ...), written by the
/// library instead of running a handler.
/// </summary>
/// <param name="StatusCode">The HTTP status code.</param>
/// <param name="ContentType">The content type of <paramref name="Body"/>.</param>
/// <param name="Body">The exact response body.</param>
public sealed record WebhookHandshakeResponse(int StatusCode, string ContentType, ReadOnlyMemory<byte> Body)
{
    /// <summary>Gets response headers the handshake needs (Asana's <c>X-Hook-Secret</c> echo, CloudEvents' <c>WebHook-Allowed-Origin</c>); none by default.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Headers { get; init; } = [];
}
