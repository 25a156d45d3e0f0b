using Microsoft.AspNetCore.Http;

namespace WebhookReceiver.Internal;

/// <summary>
/// The CloudEvents 1.0 HTTP web hook abuse protection (validation request, section 4.1): an <c>OPTIONS</c> request naming
/// its sender in <c>WebHook-Request-Origin</c> is granted when the origin is allowed, with <c>WebHook-Allowed-Origin</c>,
/// <c>WebHook-Allowed-Rate</c> and <c>Allow: POST</c>.
/// </summary>
internal static class CloudEventsAbuseProtection
{
    public const string RequestOrigin = "WebHook-Request-Origin";
    public const string RequestRate = "WebHook-Request-Rate";
    public const string AllowedOrigin = "WebHook-Allowed-Origin";
    public const string AllowedRate = "WebHook-Allowed-Rate";
    private const int MaxOriginLength = 253;

    private static readonly WebhookHandshakeResponse Refused = new(StatusCodes.Status403Forbidden, "application/problem+json", ReadOnlyMemory<byte>.Empty);

    /// <summary>The answer; 403 for an origin not allowed; <see langword="null"/> (400) when the request names no single origin.</summary>
    public static WebhookHandshakeResponse? Answer(IHeaderDictionary headers, IList<string> allowed)
    {
        if (!headers.TryGetValue(RequestOrigin, out var values) || values.Count != 1 || values[0] is not { Length: > 0 and <= MaxOriginLength } origin)
            return null;
        origin = origin.Trim();
        var any = false;
        var match = false;
        foreach (var entry in allowed)
        {
            any |= entry == "*";
            match |= string.Equals(entry?.Trim(), origin, StringComparison.OrdinalIgnoreCase);
        }
        if (!any && !match)
            return Refused;
        List<KeyValuePair<string, string>> answer = [new("Allow", HttpMethods.Post), new(AllowedOrigin, match ? origin : "*")];
        // The rate asked for is granted as asked ("*" or a number of requests per minute); anything else is left unanswered.
        if (headers.TryGetValue(RequestRate, out var rate) && rate.Count == 1 && rate[0] is { Length: > 0 and <= 10 } asked
            && (asked == "*" || asked.All(char.IsAsciiDigit)))
            answer.Add(new(AllowedRate, asked));
        return new WebhookHandshakeResponse(StatusCodes.Status200OK, "text/plain", ReadOnlyMemory<byte>.Empty) { Headers = answer };
    }
}
