namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>Where the tool writes, what clock and environment it reads; tests pass their own writers, a fake clock and variables.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TimeProvider time, bool isTerminal = false)
{
    /// <summary>The process's console, system clock and environment; a terminal when stdout is not redirected.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error, TimeProvider.System, !Console.IsOutputRedirected)
    {
        Environment = global::System.Environment.GetEnvironmentVariable,
    };

    public TextWriter Out { get; } = TextWriter.Synchronized(output);

    public TextWriter Error { get; } = TextWriter.Synchronized(error);

    public TimeProvider Time { get; } = time;

    /// <summary>Whether stdout is a terminal (progress is drawn only then).</summary>
    public bool IsTerminal { get; } = isTerminal;

    /// <summary>Reads an environment variable (e.g. <c>WEBHOOK_SECRET</c>); none are set unless given.</summary>
    public Func<string, string?> Environment { get; init; } = _ => null;

    /// <summary>Called with the address <c>listen</c> is bound to, once it accepts requests.</summary>
    public Action<Uri>? Listening { get; init; }
}
