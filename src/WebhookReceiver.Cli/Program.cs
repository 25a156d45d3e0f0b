using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli;

/// <summary>The entry point of the <c>webhook</c> tool.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args) => WebhookCli.RunAsync(args, CliConsole.System);
}
