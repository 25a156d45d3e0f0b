using Microsoft.Extensions.Primitives;

namespace WebhookReceiver.Internal;

/// <summary>Headers with their secret-bearing values replaced, for anything that stores or writes a delivery.</summary>
internal static class RedactedHeaders
{
    public const string Redacted = "[redacted]";

    private static readonly string[] Always = ["Authorization", "Proxy-Authorization", "Cookie"];

    public static bool IsSecret(string name, WebhookScheme scheme)
        => Always.Contains(name, StringComparer.OrdinalIgnoreCase) || scheme.SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);

    /// <summary>The query string with the values of the scheme's secret parameters replaced (names kept, order kept).</summary>
    public static string? Query(string? query, WebhookScheme scheme)
    {
        if (string.IsNullOrEmpty(query) || scheme.SecretQueryParameters.Count == 0)
            return query;
        var builder = new System.Text.StringBuilder(query.Length);
        foreach (var pair in new Microsoft.AspNetCore.WebUtilities.QueryStringEnumerable(query))
        {
            builder.Append(builder.Length == 0 ? '?' : '&').Append(pair.EncodedName.Span);
            var secret = scheme.SecretQueryParameters.Contains(pair.DecodeName().ToString(), StringComparer.OrdinalIgnoreCase);
            builder.Append('=').Append(secret ? Uri.EscapeDataString(Redacted) : pair.EncodedValue.Span);
        }
        return builder.ToString();
    }

    public static IEnumerable<KeyValuePair<string, StringValues>> Of(IEnumerable<KeyValuePair<string, StringValues>> headers, WebhookScheme scheme)
    {
        foreach (var header in headers)
            yield return IsSecret(header.Key, scheme) ? new(header.Key, Redacted) : header;
    }
}
