using Garnet;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>An in-process Garnet server on a loopback port, Lua enabled (the store's scripts need it).</summary>
internal sealed class EmbeddedGarnet : IDisposable
{
    private readonly GarnetServer _server;

    public EmbeddedGarnet()
    {
        Port = Loopback.FreePort();
        _server = new GarnetServer(["--bind", "127.0.0.1", "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--lua", "true", "--index", "16m", "--memory", "256m", "--logger-level", "Warning"]);
        _server.Start();
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public void Dispose() => _server.Dispose();
}
