namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Success: valid signature, 2xx answers.</summary>
    public const int Success = 0;

    /// <summary>The thing checked failed: invalid signature, a non-2xx answer, a receiver that cannot be reached.</summary>
    public const int Failed = 1;

    /// <summary>Usage or input error: bad arguments, unreadable files, malformed key material.</summary>
    public const int Usage = 2;
}
