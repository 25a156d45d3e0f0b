using System.Net;
using System.Net.Sockets;
using StackExchange.Redis;

namespace WebhookReceiver.StackExchangeRedis.Tests.Infrastructure;

/// <summary>
/// A loopback TCP forwarder in front of a Redis server, to take "Redis" down and bring it back on the same port
/// without touching the real server: <see cref="Stop"/> closes the port and cuts every connection, as a crashed
/// server would; <see cref="Start"/> listens again. <see cref="ConnectDelay"/> makes new connections slow to open (a
/// distant or TLS-fronted Redis) and <see cref="ReplyDelay"/> makes every answer late (a slow or overloaded one).
/// </summary>
internal sealed class TcpProxy : IAsyncDisposable
{
    private readonly string _targetHost;
    private readonly int _targetPort;
    private readonly List<TcpClient> _connections = [];
    private TcpListener? _listener;
    private CancellationTokenSource? _running;

    public TcpProxy(string targetConfiguration, bool listening = true)
    {
        var endPoint = ConfigurationOptions.Parse(targetConfiguration).EndPoints[0];
        (_targetHost, _targetPort) = endPoint switch
        {
            DnsEndPoint dns => (dns.Host, dns.Port),
            IPEndPoint ip => (ip.Address.ToString(), ip.Port),
            _ => throw new NotSupportedException(endPoint.ToString()),
        };
        TargetConfiguration = targetConfiguration;
        Port = Loopback.FreePort();
        if (listening)
            Start();
    }

    public int Port { get; }

    /// <summary>How long a new connection waits before anything is forwarded either way; zero by default.</summary>
    public TimeSpan ConnectDelay { get; set; }

    /// <summary>How long each chunk from the server is held before the client gets it; zero by default.</summary>
    public TimeSpan ReplyDelay { get; set; }

    public string TargetConfiguration { get; }

    /// <summary>The target's configuration with its end point replaced by the proxy's.</summary>
    public ConfigurationOptions CreateConfigurationOptions()
    {
        var options = ConfigurationOptions.Parse(TargetConfiguration);
        options.EndPoints.Clear();
        options.EndPoints.Add(IPAddress.Loopback, Port);
        options.ConnectTimeout = 1000;
        return options;
    }

    public void Start()
    {
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _running = new CancellationTokenSource();
        _ = AcceptAsync(listener, _running.Token);
    }

    public void Stop()
    {
        _running?.Cancel();
        _listener?.Stop();
        lock (_connections)
        {
            foreach (var connection in _connections)
            {
                if (connection.Client is { } socket)
                    socket.LingerState = new LingerOption(true, 0);
                connection.Dispose();
            }
            _connections.Clear();
        }
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = ForwardAsync(client, stopping);
        }
    }

    private async Task ForwardAsync(TcpClient client, CancellationToken stopping)
    {
        var upstream = new TcpClient();
        lock (_connections)
        {
            _connections.Add(client);
            _connections.Add(upstream);
        }
        try
        {
            if (ConnectDelay > TimeSpan.Zero)
                await Task.Delay(ConnectDelay, stopping);
            await upstream.ConnectAsync(_targetHost, _targetPort, stopping);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            var up = client.GetStream().CopyToAsync(upstream.GetStream(), both.Token);
            var down = PumpAsync(upstream.GetStream(), client.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            lock (_connections)
            {
                _connections.Remove(client);
                _connections.Remove(upstream);
            }
            client.Dispose();
            upstream.Dispose();
        }
    }

    /// <summary>Copies server to client, holding each chunk for <see cref="ReplyDelay"/> (read when the chunk arrives).</summary>
    private async Task PumpAsync(Stream from, Stream to, CancellationToken stopping)
    {
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer, stopping)) > 0)
        {
            if (ReplyDelay > TimeSpan.Zero)
                await Task.Delay(ReplyDelay, stopping);
            await to.WriteAsync(buffer.AsMemory(0, read), stopping);
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        _running?.Dispose();
        return ValueTask.CompletedTask;
    }
}
