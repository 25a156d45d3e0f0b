namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>A usage or input error found while running a command (a file that cannot be read, key material that cannot be decoded): exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
