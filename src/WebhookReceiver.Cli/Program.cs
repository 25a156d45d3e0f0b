using WebhookReceiver.Cli;
using WebhookReceiver.Cli.Infrastructure;

return await WebhookCli.RunAsync(args, CliConsole.System);
