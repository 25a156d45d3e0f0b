namespace WebhookReceiver.Testing.Internal;

/// <summary>Puts request headers on an <see cref="HttpRequestMessage"/>: content headers on the content, the rest on the request, hop-by-hop ones left out.</summary>
internal static class HttpHeaderCopy
{
    private static readonly HashSet<string> NotCopied = new(StringComparer.OrdinalIgnoreCase)
    {
        "Host", "Content-Length", "Transfer-Encoding", "Connection", "Keep-Alive", "Upgrade", "Proxy-Connection", "TE", "Trailer",
        "Expect",
    };

    public static bool IsCopied(string name) => !NotCopied.Contains(name);

    public static void Add(HttpRequestMessage message, string name, IEnumerable<string> values)
    {
        if (!IsCopied(name))
            return;
        if (IsContentHeader(name))
        {
            message.Content ??= new ByteArrayContent([]);
            message.Content.Headers.Remove(name);
            message.Content.Headers.TryAddWithoutValidation(name, values);
        }
        else
        {
            message.Headers.Remove(name);
            message.Headers.TryAddWithoutValidation(name, values);
        }
    }

    public static bool IsContentHeader(string name)
        => name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase)
           || string.Equals(name, "Expires", StringComparison.OrdinalIgnoreCase)
           || string.Equals(name, "Last-Modified", StringComparison.OrdinalIgnoreCase)
           || string.Equals(name, "Allow", StringComparison.OrdinalIgnoreCase);

    public static IEnumerable<KeyValuePair<string, IEnumerable<string>>> All(HttpResponseMessage response)
    {
        foreach (var header in response.Headers)
            yield return header;
        foreach (var header in response.Content.Headers)
            yield return header;
    }
}
