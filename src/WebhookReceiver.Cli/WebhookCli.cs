using System.CommandLine;
using System.CommandLine.Invocation;
using WebhookReceiver.Cli.Commands;
using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli;

/// <summary>The <c>webhook</c> tool: builds the command tree and runs it with exit codes 0 (success), 1 (check failed), 2 (usage or input error).</summary>
internal static class WebhookCli
{
    public static RootCommand Create(CliConsole console)
    {
        var root = new RootCommand(CliOptions.WithExamples(
            "Signs, verifies, sends, captures and replays webhook deliveries with WebhookReceiver's own scheme code.",
            "webhook sign --provider standard-webhooks --secret whsec_... --body '{\"type\":\"order.created\"}'",
            "webhook send --provider standard-webhooks --secret whsec_... --to http://localhost:5080/webhooks/standard --sample order.created",
            "webhook listen --port 5081 --out captures --forward-to http://localhost:5080/webhooks/standard",
            "webhook replay captures --to http://localhost:5080/webhooks/standard --resign --provider standard-webhooks --secret whsec_..."))
        {
            SignCommand.Create(console),
            VerifyCommand.Create(console),
            SendCommand.Create(console),
            ListenCommand.Create(console),
            ReplayCommand.Create(console),
        };
        return root;
    }

    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        var result = Create(console).Parse(args);
        if (result.Action is ParseErrorAction || (result.Errors.Count > 0 && result.Action is null))
        {
            return await UsageErrorAsync(console, result, result.Errors.Select(e => e.Message));
        }
        var configuration = new InvocationConfiguration { Output = console.Out, Error = console.Error, EnableDefaultExceptionHandler = false };
        try
        {
            return await result.InvokeAsync(configuration, cancellationToken);
        }
        catch (CliUsageException e)
        {
            return await UsageErrorAsync(console, result, [e.Message]);
        }
    }

    private static async Task<int> UsageErrorAsync(CliConsole console, ParseResult result, IEnumerable<string> messages)
    {
        foreach (var message in messages)
            await console.Error.WriteLineAsync($"error: {message}");
        await console.Error.WriteLineAsync($"Run '{string.Join(' ', Path(result.CommandResult.Command))} --help' for usage and examples.");
        return ExitCodes.Usage;
    }

    private static Stack<string> Path(Command command)
    {
        var names = new Stack<string>();
        for (Symbol? symbol = command; symbol is Command current; symbol = current.Parents.FirstOrDefault())
            names.Push(current is RootCommand ? "webhook" : current.Name);
        return names;
    }
}
