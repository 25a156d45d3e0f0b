using Microsoft.Extensions.Primitives;

namespace WebhookReceiver.Internal;

/// <summary>Headers with their secret-bearing values replaced, for anything that stores or writes a delivery.</summary>
internal static class RedactedHeaders
{
    public const string Redacted = "[redacted]";

    private static readonly string[] Always = ["Authorization", "Proxy-Authorization", "Cookie"];

    public static bool IsSecret(string name, WebhookScheme scheme)
        => Always.Contains(name, StringComparer.OrdinalIgnoreCase) || scheme.SecretHeaders.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<KeyValuePair<string, StringValues>> Of(IEnumerable<KeyValuePair<string, StringValues>> headers, WebhookScheme scheme)
    {
        foreach (var header in headers)
            yield return IsSecret(header.Key, scheme) ? new(header.Key, Redacted) : header;
    }
}
