using System.CommandLine;
using System.CommandLine.Parsing;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>
/// The options that choose a scheme, shared by sign, verify, send and replay: <c>--provider</c>, <c>--secret</c> (or the
/// <c>WEBHOOK_SECRET</c> environment variable when it is absent), <c>--option</c>.
/// </summary>
internal sealed class SchemeOptions(CliConsole console, bool required = true)
{
    /// <summary>The environment variable read when <c>--secret</c> is not given.</summary>
    public const string SecretVariable = "WEBHOOK_SECRET";

    public Option<string> Provider { get; } = CliOptions.Provider(required);

    public Option<string> Secret { get; } = CliOptions.Secret();

    public Option<string[]> Settings { get; } = CliOptions.Settings();

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Secret);
        command.Options.Add(Settings);
        if (required)
        {
            command.Validators.Add(result =>
            {
                if (!HasSecret(result))
                    result.AddError($"Option '--secret' is required (or set {SecretVariable}).");
            });
        }
    }

    /// <summary>Whether <c>--secret</c> was given on the command line (not from the environment).</summary>
    public bool HasExplicitSecret(CommandResult result) => result.GetResult(Secret) is { Implicit: false };

    /// <summary>Whether a secret is at hand: <c>--secret</c>, else a non-empty <c>WEBHOOK_SECRET</c>.</summary>
    public bool HasSecret(CommandResult result) => HasExplicitSecret(result) || !string.IsNullOrEmpty(console.Environment(SecretVariable));

    public WebhookProvider GetProvider(ParseResult result) => CliInput.Provider(result.GetRequiredValue(Provider));

    /// <summary>Builds the scheme; malformed key material or invalid settings are a <see cref="CliUsageException"/>.</summary>
    public WebhookScheme CreateScheme(ParseResult result)
        => CliInput.Scheme(GetProvider(result), GetSecret(result), result.GetValue(Settings));

    private string GetSecret(ParseResult result)
        => result.GetValue(Secret) is { Length: > 0 } secret ? secret
            : console.Environment(SecretVariable) is { Length: > 0 } variable ? variable
            : throw new CliUsageException($"Give the secret with --secret or set {SecretVariable}.");
}
