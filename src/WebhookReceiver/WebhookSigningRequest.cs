namespace WebhookReceiver;

/// <summary>What to sign: a delivery as a provider would send it. Used by the Testing package and the CLI.</summary>
public sealed class WebhookSigningRequest
{
    /// <summary>Gets or sets the exact body bytes.</summary>
    public ReadOnlyMemory<byte> Body { get; set; }

    /// <summary>Gets or sets the delivery id; a fresh one is made when the scheme needs one and none is given.</summary>
    public string? Id { get; set; }

    /// <summary>Gets or sets the signed timestamp. Required.</summary>
    public DateTimeOffset Timestamp { get; set; }

    /// <summary>Gets or sets the absolute URL the delivery is sent to (signed by URL-signing schemes).</summary>
    public string? Url { get; set; }

    /// <summary>Gets or sets the HTTP method. The default is <c>POST</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Gets or sets the event type, for schemes that carry it in a header.</summary>
    public string? EventType { get; set; }
}
