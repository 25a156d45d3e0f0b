using System.Text;

namespace WebhookReceiver.Testing;

/// <summary>Sends signed webhook deliveries with an <see cref="HttpClient"/>, e.g. one from <c>WebApplicationFactory</c>.</summary>
public static class HttpClientWebhookExtensions
{
    /// <summary>
    /// Signs <paramref name="body"/> as <paramref name="provider"/> does with <paramref name="secret"/> (a fresh id, the
    /// current time of <paramref name="timeProvider"/>) and POSTs it to <paramref name="requestUri"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The URL, absolute or relative to the client's base address.</param>
    /// <param name="provider">The provider, e.g. one of <see cref="WebhookProviders.All"/>.</param>
    /// <param name="secret">The secret (or signing key) as the provider shows it.</param>
    /// <param name="body">The body; sent as its UTF-8 bytes with <c>Content-Type: application/json</c>.</param>
    /// <param name="eventType">The event type, for schemes that carry it in a header.</param>
    /// <param name="timeProvider">The clock of the timestamp. The default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string requestUri, WebhookProvider provider, string secret,
        string body, string? eventType = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        return client.PostWebhookAsync(requestUri, new WebhookRequestBuilder(provider, secret), Encoding.UTF8.GetBytes(body), eventType, timeProvider, cancellationToken);
    }

    /// <summary>
    /// Signs <paramref name="body"/> with <paramref name="scheme"/> (e.g. the application's own, from
    /// <c>IWebhookVerifier.GetScheme</c>) and POSTs it to <paramref name="requestUri"/>.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="requestUri">The URL, absolute or relative to the client's base address.</param>
    /// <param name="scheme">The scheme to sign with.</param>
    /// <param name="body">The exact body bytes; sent with <c>Content-Type: application/json</c>.</param>
    /// <param name="eventType">The event type, for schemes that carry it in a header.</param>
    /// <param name="timeProvider">The clock of the timestamp. The default is <see cref="TimeProvider.System"/>.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string requestUri, WebhookScheme scheme,
        ReadOnlyMemory<byte> body, string? eventType = null, TimeProvider? timeProvider = null, CancellationToken cancellationToken = default)
        => client.PostWebhookAsync(requestUri, new WebhookRequestBuilder(scheme), body, eventType, timeProvider, cancellationToken);

    /// <summary>
    /// Reads a capture file and sends it as it was captured, to <paramref name="requestUri"/> or, by default, to the
    /// captured path. Replay protection should refuse it; use <see cref="WebhookCaptureExtensions.Resign"/> to re-sign.
    /// </summary>
    /// <param name="client">The client.</param>
    /// <param name="capturePath">The capture file.</param>
    /// <param name="requestUri">Where to send it; the default is the captured path and query.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    public static async Task<HttpResponseMessage> SendCaptureAsync(this HttpClient client, string capturePath, string? requestUri = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(client);
        var capture = await WebhookCapture.LoadAsync(capturePath, cancellationToken);
        using var message = capture.ToHttpRequestMessage(requestUri);
        return await client.SendAsync(message, cancellationToken);
    }

    private static Task<HttpResponseMessage> PostWebhookAsync(this HttpClient client, string requestUri, WebhookRequestBuilder builder,
        ReadOnlyMemory<byte> body, string? eventType, TimeProvider? timeProvider, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(client);
        builder.To(requestUri).WithBody(body).WithEventType(eventType);
        if (timeProvider is not null)
            builder.WithTimeProvider(timeProvider);
        return builder.SendAsync(client, cancellationToken);
    }
}
