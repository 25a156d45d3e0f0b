using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;

namespace WebhookReceiver.Internal;

/// <summary>
/// Builds the URL a URL-signing scheme verifies: the request's encoded URL (as <c>UseForwardedHeaders</c> left it), or,
/// when <see cref="WebhookSchemeOptions.PublicBaseUrl"/> is set, that base followed by the request's path and query.
/// </summary>
internal static class WebhookUrl
{
    /// <summary>The parts of a public base URL, parsed once; <see langword="null"/> when it is not an absolute http(s) URL.</summary>
    public static PublicBase? ParseBase(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)
            || !Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.Query.Length > 0 || uri.Fragment.Length > 0 || uri.UserInfo.Length > 0)
            return null;
        var path = uri.AbsolutePath.TrimEnd('/');
        // Authority leaves out a default port, as the provider writes the URL (https://host/..., not https://host:443/...).
        return new PublicBase(uri.Scheme, new HostString(uri.Authority), PathString.FromUriComponent(path));
    }

    /// <summary>The URL the provider called, as the scheme should verify it.</summary>
    public static string Build(HttpRequest request, PublicBase? publicBase)
        => publicBase is { } b
            ? UriHelper.BuildAbsolute(b.Scheme, b.Host, b.Path, request.Path, request.QueryString)
            : request.GetEncodedUrl();

    /// <summary>A parsed public base URL.</summary>
    public sealed record PublicBase(string Scheme, HostString Host, PathString Path);
}
