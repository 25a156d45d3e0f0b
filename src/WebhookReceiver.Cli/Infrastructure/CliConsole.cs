namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>Where the tool writes and what clock it reads; tests pass their own writers and a fake clock.</summary>
internal sealed class CliConsole(TextWriter output, TextWriter error, TimeProvider time, bool isTerminal = false)
{
    /// <summary>The process's console, system clock; a terminal when stdout is not redirected.</summary>
    public static CliConsole System { get; } = new(Console.Out, Console.Error, TimeProvider.System, !Console.IsOutputRedirected);

    public TextWriter Out { get; } = TextWriter.Synchronized(output);

    public TextWriter Error { get; } = TextWriter.Synchronized(error);

    public TimeProvider Time { get; } = time;

    /// <summary>Whether stdout is a terminal (progress is drawn only then).</summary>
    public bool IsTerminal { get; } = isTerminal;

    /// <summary>Called with the address <c>listen</c> is bound to, once it accepts requests.</summary>
    public Action<Uri>? Listening { get; init; }
}
