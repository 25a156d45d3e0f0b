using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>The Quickstart sample on a real Kestrel port of 127.0.0.1, in the Development environment (its secret).</summary>
public sealed class QuickstartServer : IAsyncLifetime
{
    public const string Secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    private readonly WebApplicationFactory<global::Program> _factory = new();

    /// <summary>The Quickstart's webhook URL, e.g. http://127.0.0.1:41234/webhooks/standard.</summary>
    public string WebhookUrl { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        _factory.UseKestrel(0);
        _factory.StartServer();
        var address = _factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        WebhookUrl = new Uri(new Uri(address), "/webhooks/standard").AbsoluteUri;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _factory.DisposeAsync();
}
