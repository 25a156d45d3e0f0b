using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace WebhookReceiver.Internal;

/// <summary>
/// Fails the start of the application when a <see cref="VerifyWebhookAttribute"/> names a scheme that is not registered,
/// as <c>MapWebhook</c> does: verification is never skipped silently. Does nothing without MVC.
/// </summary>
internal sealed class WebhookActionValidator(IServiceProvider services, WebhookSchemeRegistry registry) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IActionDescriptorCollectionProvider>() is not { } actions)
            return Task.CompletedTask;
        foreach (var action in actions.ActionDescriptors.Items)
        {
            foreach (var filter in action.FilterDescriptors)
            {
                if (filter.Filter is VerifyWebhookAttribute verify && !registry.Names.Contains(verify.Scheme, StringComparer.Ordinal))
                    throw new InvalidOperationException(
                        $"[VerifyWebhook(\"{verify.Scheme}\")] on {action.DisplayName}: no webhook scheme named '{verify.Scheme}' is registered.");
            }
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
