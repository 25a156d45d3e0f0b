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
        var message = new HttpRequestMessage(new HttpMethod(capture.Method), new Uri(capture.GetTarget(requestUri), UriKind.RelativeOrAbsolute))
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
    /// <param name="requestUri">Where to send it (the captured query is appended when it has none). The default is the captured path and query.</param>
    public static WebhookRequestBuilder Resign(this WebhookCapture capture, WebhookScheme scheme, string? requestUri = null)
        => WebhookRequestBuilder.FromCapture(capture, scheme).To(capture.GetTarget(requestUri));

    /// <summary>
    /// Gets where a captured delivery is sent: <paramref name="requestUri"/> with the captured query appended when it has
    /// none, or by default the captured path and query.
    /// </summary>
    /// <param name="capture">The captured delivery.</param>
    /// <param name="requestUri">The target URL, or <see langword="null"/>.</param>
    public static string GetTarget(this WebhookCapture capture, string? requestUri)
    {
        ArgumentNullException.ThrowIfNull(capture);
        if (requestUri is null)
            return capture.Path + capture.Query;
        return capture.Query is not null && !requestUri.Contains('?', StringComparison.Ordinal) ? requestUri + capture.Query : requestUri;
    }
}
