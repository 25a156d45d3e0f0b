namespace WebhookReceiver.Internal;

/// <summary>Where an HMAC scheme reads a value (delivery id, event type, timestamp): a header, a top-level body property, or nowhere.</summary>
/// <param name="Header">The header name, or <see langword="null"/>.</param>
/// <param name="Property">The top-level JSON body property, or <see langword="null"/>.</param>
internal readonly record struct HmacValueSource(string? Header, string? Property)
{
    /// <summary>Another header read when <see cref="Header"/> is absent (e.g. Shopify's unprefixed Events headers).</summary>
    public string? FallbackHeader { get; init; }

    public static HmacValueSource FromHeader(string name) => new(name, null);

    /// <summary>A header, or <paramref name="fallback"/> when the first one is absent.</summary>
    public static HmacValueSource FromHeaders(string name, string fallback) => new(name, null) { FallbackHeader = fallback };

    /// <summary>Reads the header value, trying the fallback header when the first is absent.</summary>
    public string? ReadHeader(in WebhookRequest request)
        => Header is null ? null : request.GetHeader(Header) ?? (FallbackHeader is null ? null : request.GetHeader(FallbackHeader));

    public static HmacValueSource FromProperty(string name) => new(null, name);

    /// <summary>A header when <paramref name="header"/> is set, else a property when <paramref name="property"/> is set, else none.</summary>
    public static HmacValueSource From(string? header, string? property)
        => !string.IsNullOrEmpty(header) ? FromHeader(header) : !string.IsNullOrEmpty(property) ? FromProperty(property) : default;

    public bool IsHeader => Header is not null;

    public bool IsProperty => Property is not null;

    /// <summary>The name to show in messages.</summary>
    public string Describe() => Header ?? (Property is null ? "nothing" : $"body property '{Property}'");
}
