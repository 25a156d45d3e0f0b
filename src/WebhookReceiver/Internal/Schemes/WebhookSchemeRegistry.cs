using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Internal;

/// <summary>Every scheme registered with <c>AddWebhooks().Add…(name)</c>, by name; handles are built on first use.</summary>
internal sealed class WebhookSchemeRegistry(IServiceProvider services, IEnumerable<WebhookSchemeRegistration> registrations)
{
    private readonly Dictionary<string, Func<IServiceProvider, ILogger, WebhookSchemeHandle>> _factories =
        registrations.ToDictionary(r => r.Name, r => r.Factory, StringComparer.Ordinal);
    private readonly Dictionary<string, WebhookSchemeHandle> _handles = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public IEnumerable<string> Names => _factories.Keys;

    public WebhookSchemeHandle GetHandle(string name)
    {
        lock (_lock)
        {
            if (_handles.TryGetValue(name, out var handle))
                return handle;
            if (!_factories.TryGetValue(name, out var factory))
            {
                var known = _factories.Count == 0 ? "none" : string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal).Select(n => $"'{n}'"));
                throw new InvalidOperationException(
                    $"No webhook scheme named '{name}' is registered (registered: {known}). Add it with builder.Services.AddWebhooks().Add<Provider>(\"{name}\").");
            }
            var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("WebhookReceiver");
            handle = factory(services, logger);
            _handles.Add(name, handle);
            return handle;
        }
    }
}
