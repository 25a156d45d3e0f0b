using System.Net;
using System.Net.Sockets;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>A loopback port where nothing listens (free a moment ago), for "connection refused" cases.</summary>
public static class UnusedPort
{
    public static string Url(string path = "/webhooks/standard")
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return $"http://127.0.0.1:{port}{path}";
    }
}
