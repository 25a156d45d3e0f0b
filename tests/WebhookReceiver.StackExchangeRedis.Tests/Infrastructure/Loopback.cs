using System.Net;
using System.Net.Sockets;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>Loopback ports for test servers: a free one, and one where nothing listens.</summary>
internal static class Loopback
{
    /// <summary>A port that was free a moment ago (the OS picks it).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A configuration string pointing at a loopback port where nothing listens (connection refused).</summary>
    public static string ClosedConfiguration() => $"127.0.0.1:{FreePort()},connectTimeout=200";
}
