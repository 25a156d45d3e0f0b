namespace WebhookReceiver;

/// <summary>
/// Marks an <see cref="IWebhookHandler{T}"/> class as the handler of <see cref="EventType"/> on every endpoint mapped
/// with <c>MapWebhook(pattern, scheme)</c> for <see cref="Scheme"/>. Repeat it to handle several event types.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class WebhookHandlerAttribute : Attribute
{
    /// <summary>The event type that stands for every event type without a handler of its own.</summary>
    public const string AnyEventType = "*";

    /// <summary>Marks a handler of every event type of <paramref name="scheme"/> that has no handler of its own.</summary>
    /// <param name="scheme">The scheme name, as given to <c>MapWebhook</c>.</param>
    public WebhookHandlerAttribute(string scheme)
        : this(scheme, AnyEventType)
    {
    }

    /// <summary>Marks a handler of <paramref name="eventType"/> deliveries of <paramref name="scheme"/>.</summary>
    /// <param name="scheme">The scheme name, as given to <c>MapWebhook</c>.</param>
    /// <param name="eventType">The event type, e.g. <c>invoice.paid</c>; <c>*</c> for every event type without a handler of its own.</param>
    public WebhookHandlerAttribute(string scheme, string eventType)
    {
        ArgumentException.ThrowIfNullOrEmpty(scheme);
        ArgumentException.ThrowIfNullOrEmpty(eventType);
        Scheme = scheme;
        EventType = eventType;
    }

    /// <summary>Gets the scheme name.</summary>
    public string Scheme { get; }

    /// <summary>Gets the event type; <c>*</c> (the default) for every event type without a handler of its own.</summary>
    public string EventType { get; }
}
