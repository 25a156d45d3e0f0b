using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>A scheme added to the service collection, turned into a handle when the registry is built.</summary>
internal sealed record WebhookSchemeRegistration(string Name, Func<IServiceProvider, ILogger, WebhookSchemeHandle> Factory);
