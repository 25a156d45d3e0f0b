using Microsoft.AspNetCore.Http;

namespace WebhookReceiver;

/// <summary>
/// A received webhook delivery as a scheme sees it: the exact body bytes, the headers, the method and,
/// for schemes that sign the URL, the public URL the provider called. No HTTP server is needed to build one,
/// so queue consumers, functions and the CLI verify with the same code as the endpoint.
/// </summary>
public readonly struct WebhookRequest
{
    /// <summary>Creates a request from its parts.</summary>
    /// <param name="method">The HTTP method, e.g. <c>POST</c>.</param>
    /// <param name="url">The absolute URL as the provider called it; needed only by URL-signing schemes.</param>
    /// <param name="headers">The request headers (looked up case-insensitively).</param>
    /// <param name="body">The exact body bytes, not a byte changed.</param>
    public WebhookRequest(string method, string? url, IHeaderDictionary headers, ReadOnlyMemory<byte> body)
    {
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(headers);
        Method = method;
        Url = url;
        Headers = headers;
        Body = body;
    }

    /// <summary>Gets the HTTP method.</summary>
    public string Method { get; }

    /// <summary>Gets the absolute URL the provider called, or <see langword="null"/> when not known.</summary>
    public string? Url { get; }

    /// <summary>Gets the request headers.</summary>
    public IHeaderDictionary Headers { get; }

    /// <summary>Gets the exact body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>Gets the first value of a header, or <see langword="null"/> when it is absent or empty.</summary>
    /// <param name="name">The header name.</param>
    public string? GetHeader(string name)
    {
        if (!Headers.TryGetValue(name, out var values) || values.Count == 0)
            return null;
        var value = values[0];
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
