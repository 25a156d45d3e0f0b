using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

internal sealed class WebhookSchemeHandle<TOptions> : WebhookSchemeHandle, IDisposable
    where TOptions : WebhookSchemeOptions, new()
{
    private readonly IDisposable? _subscription;
    private readonly ILogger _logger;
    private volatile WebhookScheme _current;

    public WebhookSchemeHandle(string name, WebhookProvider<TOptions> provider, IOptionsMonitor<TOptions> monitor, ILogger logger)
        : base(name, provider)
    {
        _logger = logger;
        // Get validates (and so fails start-up on bad options); the scheme decodes its keys once, here.
        _current = provider.CreateScheme(name, monitor.Get(name));
        _subscription = monitor.OnChange((options, changed) =>
        {
            if (changed == Name)
                Rebuild(options);
        });
    }

    public override WebhookScheme Current => _current;

    private void Rebuild(TOptions options)
    {
        var errors = WebhookSchemeOptionsValidator<TOptions>.Check(Name, Provider, options);
        if (errors is not null)
        {
            WebhookLog.ReloadFailed(_logger, Name, errors);
            return;
        }
        _current = Provider.CreateScheme(Name, options);
    }

    public void Dispose() => _subscription?.Dispose();
}
