using WebhookReceiver.Testing.Internal;

namespace WebhookReceiver.Testing;

/// <summary>Turns captured deliveries (<see cref="WebhookCapture"/> files) back into requests.</summary>
public static class WebhookCaptureExtensions
{
    /// <summary>
    /// Creates the request exactly as it was captured: method, headers (hop-by-hop ones left out) and body bytes.
    /// A receiver with replay protection should refuse it (a duplicate, or a stale timestamp).
    /// </summary>
    /// <param name="capture">The captured delivery.</param>
    /// <param name="requestUri">Where to send it (the captured query is appended when it has none). The default is the captured path and query, relative to the client's base address.</param>
    public static HttpRequestMessage ToHttpRequestMessage(this WebhookCapture capture, string? requestUri = null)
    {
        ArgumentNullException.ThrowIfNull(capture);
        var target = requestUri ?? capture.Path + capture.Query;
        if (capture.Query is not null && requestUri is not null && !requestUri.Contains('?', StringComparison.Ordinal))
            target = requestUri + capture.Query;
        var message = new HttpRequestMessage(new HttpMethod(capture.Method), new Uri(target, UriKind.RelativeOrAbsolute))
        {
            Content = new ByteArrayContent(capture.Body),
        };
        foreach (var (name, values) in capture.Headers)
            HttpHeaderCopy.Add(message, name, values);
        return message;
    }

    /// <summary>
    /// Creates a builder that re-signs the captured delivery with <paramref name="scheme"/>: a fresh id and timestamp,
    /// new signature headers in place of the captured ones, everything else as captured.
    /// </summary>
    /// <param name="capture">The captured delivery.</param>
    /// <param name="scheme">The scheme to sign with.</param>
    public static WebhookRequestBuilder Resign(this WebhookCapture capture, WebhookScheme scheme)
        => WebhookRequestBuilder.FromCapture(capture, scheme);
}
