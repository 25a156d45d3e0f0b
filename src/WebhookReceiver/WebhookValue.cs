namespace WebhookReceiver;

/// <summary>
/// A value read from a delivery (its id or event type), with whether the provider's signature covers it. A value that
/// is not signed is a label: shown to handlers and logs, never trusted as an identity.
/// </summary>
/// <param name="Value">The value, or <see langword="null"/> when the delivery carries none.</param>
/// <param name="IsSigned">Whether the signature covers the value (it was read from signed content).</param>
public readonly record struct WebhookValue(string? Value, bool IsSigned)
{
    /// <summary>Creates a value read from signed content.</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public static WebhookValue FromSigned(string? value) => new(value, value is not null);

    /// <summary>Creates a value read from something the provider does not sign (e.g. a header outside the signature).</summary>
    /// <param name="value">The value, or <see langword="null"/>.</param>
    public static WebhookValue FromLabel(string? value) => new(value, false);

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
