using Microsoft.Extensions.Time.Testing;
using WebhookReceiver.Cli;
using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Infrastructure;

/// <summary>The outcome of one in-process run of the tool.</summary>
public sealed record CliResult(int ExitCode, string Out, string Error)
{
    public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Out}\nstderr:\n{Error}";
}

/// <summary>Runs the tool's entry point in-process with captured output.</summary>
public static class CliRunner
{
    public static Task<CliResult> RunAsync(params string[] args) => RunAsync(TimeProvider.System, null, args);

    public static Task<CliResult> RunAsync(FakeTimeProvider time, params string[] args) => RunAsync(time, null, args);

    /// <summary>Runs with these environment variables (and no others: the tests never see the developer's WEBHOOK_SECRET).</summary>
    public static Task<CliResult> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) => RunAsync(TimeProvider.System, environment, args);

    private static async Task<CliResult> RunAsync(TimeProvider time, IReadOnlyDictionary<string, string>? environment, string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var console = new CliConsole(output, error, time) { Environment = name => environment?.GetValueOrDefault(name) };
        var code = await WebhookCli.RunAsync(args, console, TestContext.Current.CancellationToken);
        return new CliResult(code, output.ToString(), error.ToString());
    }

    /// <summary>Parses the 'Name: value' lines printed by <c>sign</c> into <c>--header</c> arguments.</summary>
    public static IEnumerable<string> HeaderArgs(CliResult signing)
        => signing.Lines.SelectMany(line => new[] { "--header", line });
}
