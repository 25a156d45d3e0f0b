using Microsoft.AspNetCore.WebUtilities;

namespace WebhookReceiver.Internal;

/// <summary>Reads a query parameter from <see cref="WebhookRequest.Url"/> (absolute, or relative such as <c>?code=…</c>), decoded.</summary>
internal static class WebhookQuery
{
    /// <summary>The parameter's only value; <see langword="null"/> when the URL has no such parameter, an empty one, or several.</summary>
    public static string? Single(string? url, string name)
    {
        var at = url?.IndexOf('?', StringComparison.Ordinal) ?? -1;
        if (at < 0)
            return null;
        var end = url!.IndexOf('#', at);
        var query = end < 0 ? url[at..] : url[at..end];
        string? found = null;
        foreach (var pair in new QueryStringEnumerable(query))
        {
            if (!pair.DecodeName().Span.Equals(name, StringComparison.OrdinalIgnoreCase))
                continue;
            if (found is not null)
                return null;
            found = pair.DecodeValue().ToString();
        }
        return string.IsNullOrEmpty(found) ? null : found;
    }

    /// <summary>Appends <paramref name="name"/>=<paramref name="value"/> (escaped) to a URL, or makes the relative <c>?name=value</c>.</summary>
    public static string Append(string? url, string name, string value)
        => QueryHelpers.AddQueryString(url ?? string.Empty, name, value);
}
