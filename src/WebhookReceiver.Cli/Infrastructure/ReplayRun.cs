using System.Globalization;
using System.Text.Json;
using WebhookReceiver.Cli.Commands;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>One <c>webhook replay</c>: sends each capture, prints a line per delivery, a progress bar on a terminal, and the summary.</summary>
internal sealed class ReplayRun(CliConsole console, int total, string target, WebhookScheme? scheme, ReplayExpectation? expectation = null)
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
    private int _expected;
    private int _unauthorized;
    private bool _unreachable;

    public async ValueTask SendAsync(HttpClient client, string file, CancellationToken cancellationToken)
    {
        var started = console.Time.GetTimestamp();
        string line;
        string outcome;
        ResponseReport? report = null;
        var unreachable = false;
        try
        {
            var capture = await WebhookCapture.LoadAsync(file, cancellationToken);
            using var message = scheme is null
                ? capture.ToHttpRequestMessage(target)
                : SendCommand.Build(capture.Resign(scheme, target).WithTimeProvider(console.Time));
            using var response = await client.SendAsync(message, cancellationToken);
            report = await ResponseReport.ReadAsync(response, cancellationToken);
            outcome = report.Summary;
            line = string.Create(CultureInfo.InvariantCulture,
                $"{report}  {Path.GetFileName(file)}  ({console.Time.GetElapsedTime(started).TotalMilliseconds:0} ms)");
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or IOException or UnauthorizedAccessException)
        {
            outcome = e is HttpRequestException ? "unreachable" : "unreadable capture";
            unreachable = e is HttpRequestException http && CliHints.IsUnreachable(http);
            line = $"error  {Path.GetFileName(file)}  ({e.Message})";
        }
        var expected = expectation is { } wanted && Matches(wanted, report);
        if (expectation is { } shown && !expected)
            line += $"  (expected {Name(shown)})";
        lock (_lock)
        {
            _done++;
            if (report?.IsSuccess == true) _succeeded++; else _failed++;
            if (expected) _expected++;
            if (report?.StatusCode == 401) _unauthorized++;
            _unreachable |= unreachable;
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
        if (expectation is { } wanted)
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"expected {Name(wanted)}: {_expected} of {_done} as expected"));
        if (_unreachable)
            await console.Error.WriteLineAsync(CliHints.Unreachable(target));
        if (_unauthorized > 0 && expectation != ReplayExpectation.Refused)
            await console.Error.WriteLineAsync(scheme is null ? CliHints.UnauthorizedAsCaptured() : CliHints.Unauthorized());
        if (expectation is not null)
            return _expected == _done ? ExitCodes.Success : ExitCodes.Failed;
        return _failed == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    public static string Name(ReplayExpectation expectation) => expectation.ToString().ToLowerInvariant();

    private static bool Matches(ReplayExpectation expectation, ResponseReport? report) => report is not null && expectation switch
    {
        ReplayExpectation.Processed => report.IsSuccess && report.Outcome == "processed",
        ReplayExpectation.Duplicate => report.IsSuccess && report.Outcome == "duplicate",
        _ => (report.IsSuccess && report.Outcome == "duplicate") || report.StatusCode is 401 or 409,
    };

    private string Bar()
    {
        var filled = _done * BarWidth / total;
        return string.Create(CultureInfo.InvariantCulture, $"[{new string('#', filled)}{new string('.', BarWidth - filled)}] {_done}/{total}");
    }
}
