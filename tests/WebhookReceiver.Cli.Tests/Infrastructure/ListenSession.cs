using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>Runs <c>webhook listen</c> in-process on a free port until disposed.</summary>
public sealed class ListenSession : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly StringWriter _output = new();
    private Task<int>? _run;

    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "webhook-listen-" + Guid.NewGuid().ToString("N"));

    public Uri Address { get; private set; } = null!;

    public static async Task<ListenSession> StartAsync(string forwardTo)
    {
        var session = new ListenSession();
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        var console = new CliConsole(session._output, TextWriter.Null, TimeProvider.System) { Listening = listening.SetResult };
        session._run = WebhookCli.RunAsync(["listen", "--port", "0", "--out", session.Directory, "--forward-to", forwardTo], console, session._stop.Token);
        session.Address = await await Task.WhenAny(listening.Task, session._run.ContinueWith<Uri>(t => throw new InvalidOperationException($"listen ended: {t.Result}"), TaskScheduler.Default));
        return session;
    }

    public string[] CaptureFiles() => System.IO.Directory.GetFiles(Directory, "*.json").Order(StringComparer.Ordinal).ToArray();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_run is not null)
            Assert.Equal(0, await _run);
        _stop.Dispose();
        await _output.DisposeAsync();
    }
}
