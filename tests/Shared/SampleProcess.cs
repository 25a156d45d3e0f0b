using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace WebhookReceiver.Tests.Shared;

/// <summary>
/// A sample application run as its own process (<c>dotnet samples/{name}/bin/{configuration}/net10.0/{name}.dll</c>,
/// built by the test project's reference to it), so a test can see it from outside and kill it as a crash would.
/// Its console output is kept, line by line.
/// </summary>
internal sealed class SampleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private SampleProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    /// <summary>The address the sample listens on (loopback, a free port).</summary>
    public Uri Address { get; }

    /// <summary>A client whose base address is the sample's.</summary>
    public HttpClient Client { get; }

    /// <summary>The lines the sample wrote to its console so far (stdout and stderr).</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Starts the sample in Development with the given settings (environment variables) and waits until it listens.</summary>
    public static async Task<SampleProcess> StartAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var dll = Path.Combine(RepositoryFolder(), "samples", name, "bin", Configuration(), "net10.0", name + ".dll");
        Assert.True(File.Exists(dll), $"{dll} does not exist: the test project references samples/{name} so that it is built.");
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString()])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(dll)!,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Logging__Console__FormatterName"] = "simple";
        start.Environment["Logging__Console__FormatterOptions__SingleLine"] = "true";
        start.Environment["Logging__Console__FormatterOptions__TimestampFormat"] = "HH:mm:ss.fff ";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key] = value;

        var sample = new SampleProcess(Process.Start(start)!, address);
        sample._process.OutputDataReceived += (_, e) => sample.Keep(e.Data);
        sample._process.ErrorDataReceived += (_, e) => sample.Keep(e.Data);
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        await sample.WaitUntilListeningAsync();
        return sample;
    }

    /// <summary>Kills the process at once (SIGKILL): nothing of it runs after this, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync(CancellationToken.None);
    }

    /// <summary>The output lines containing <paramref name="text"/>.</summary>
    public string[] Lines(string text) => _output.Where(l => l.Contains(text, StringComparison.Ordinal)).ToArray();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        _process.Dispose();
    }

    private void Keep(string? line)
    {
        if (line is not null)
            _output.Enqueue(line);
    }

    private async Task WaitUntilListeningAsync()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(60))
        {
            Assert.False(_process.HasExited, $"the sample exited with code {(_process.HasExited ? _process.ExitCode : 0)} before listening:\n{string.Join('\n', _output)}");
            try
            {
                using var response = await Client.GetAsync(new Uri("/", UriKind.Relative), CancellationToken.None);
                return;
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, CancellationToken.None);
            }
        }
        Assert.Fail($"the sample did not listen within 60 s:\n{string.Join('\n', _output)}");
    }

    // The test assembly runs from tests/{project}/bin/{configuration}/net10.0/: the sample was built with the same configuration.
    private static string Configuration() => new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)).Parent!.Name;

    private static string RepositoryFolder()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "WebhookReceiver.sln")))
                return folder.FullName;
        }
        throw new InvalidOperationException($"No WebhookReceiver.sln above {AppContext.BaseDirectory}.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
