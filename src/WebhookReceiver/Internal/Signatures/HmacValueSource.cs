namespace WebhookReceiver.Internal;

/// <summary>Where an HMAC scheme reads a value (delivery id, event type, timestamp): a header, a top-level body property, or nowhere.</summary>
/// <param name="Header">The header name, or <see langword="null"/>.</param>
/// <param name="Property">The top-level JSON body property, or <see langword="null"/>.</param>
internal readonly record struct HmacValueSource(string? Header, string? Property)
{
    public static HmacValueSource FromHeader(string name) => new(name, null);

    public static HmacValueSource FromProperty(string name) => new(null, name);

    /// <summary>A header when <paramref name="header"/> is set, else a property when <paramref name="property"/> is set, else none.</summary>
    public static HmacValueSource From(string? header, string? property)
        => !string.IsNullOrEmpty(header) ? FromHeader(header) : !string.IsNullOrEmpty(property) ? FromProperty(property) : default;

    public bool IsHeader => Header is not null;

    public bool IsProperty => Property is not null;

    /// <summary>The name to show in messages.</summary>
    public string Describe() => Header ?? (Property is null ? "nothing" : $"body property '{Property}'");
}
