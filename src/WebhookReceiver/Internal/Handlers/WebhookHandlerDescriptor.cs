namespace WebhookReceiver.Internal;

/// <summary>
/// A handler class registered for <see cref="Scheme"/> (a singleton in the service collection); <c>MapWebhook</c> adds a
/// fresh registration from <see cref="Create"/> to each endpoint of that scheme.
/// </summary>
/// <param name="Scheme">The scheme name.</param>
/// <param name="EventType">The event type, or <see langword="null"/> for every event type without a handler of its own.</param>
/// <param name="HandlerType">The handler class, to refuse registering it twice.</param>
/// <param name="Create">Creates the registration of one endpoint.</param>
internal sealed record WebhookHandlerDescriptor(string Scheme, string? EventType, Type HandlerType, Func<WebhookHandlerRegistration> Create);
