using System.Globalization;
using System.Text.Json;
using WebhookReceiver.Cli.Commands;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>One <c>webhook replay</c>: sends each capture, prints a line per delivery, a progress bar on a terminal, and the summary.</summary>
internal sealed class ReplayRun(CliConsole console, int total, string target, WebhookScheme? scheme)
{
    private const int ProgressThreshold = 20;
    private const int BarWidth = 30;
    private readonly Lock _lock = new();
    private readonly SortedDictionary<string, int> _outcomes = new(StringComparer.Ordinal);
    private readonly long _started = console.Time.GetTimestamp();
    private readonly bool _progress = console.IsTerminal && total >= ProgressThreshold;
    private int _done;
    private int _succeeded;
    private int _failed;

    public async ValueTask SendAsync(HttpClient client, string file, CancellationToken cancellationToken)
    {
        var started = console.Time.GetTimestamp();
        string line;
        string outcome;
        bool success;
        try
        {
            var capture = await WebhookCapture.LoadAsync(file, cancellationToken);
            using var message = scheme is null
                ? capture.ToHttpRequestMessage(target)
                : SendCommand.Build(capture.Resign(scheme, target).WithTimeProvider(console.Time));
            using var response = await client.SendAsync(message, cancellationToken);
            var report = await ResponseReport.ReadAsync(response, cancellationToken);
            outcome = report.Summary;
            success = report.IsSuccess;
            line = string.Create(CultureInfo.InvariantCulture,
                $"{report}  {Path.GetFileName(file)}  ({console.Time.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or UnauthorizedAccessException)
        {
            outcome = e is HttpRequestException ? "unreachable" : "unreadable capture";
            success = false;
            line = $"error  {Path.GetFileName(file)}  ({e.Message})";
        }
        lock (_lock)
        {
            _done++;
            if (success) _succeeded++; else _failed++;
            _outcomes[outcome] = _outcomes.GetValueOrDefault(outcome) + 1;
            if (_progress)
                console.Error.Write("\r\u001b[K");
            console.Out.WriteLine(line);
            if (_progress)
                console.Error.Write(Bar());
        }
    }

    public async Task<int> FinishAsync()
    {
        if (_progress)
            await console.Error.WriteAsync("\r\u001b[K");
        var outcomes = string.Join(", ", _outcomes.Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Value} {o.Key}")));
        await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{_done} replayed ({(scheme is null ? "as captured" : "re-signed")}): {_succeeded} 2xx, {_failed} not 2xx [{outcomes}] in {console.Time.GetElapsedTime(_started).TotalSeconds:0.0} s"));
        return _failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    private string Bar()
    {
        var filled = _done * BarWidth / total;
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{total}");
    }
}
