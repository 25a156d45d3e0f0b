using System.CommandLine;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>The options that choose a scheme, shared by sign, verify, send and replay: <c>--provider</c>, <c>--secret</c>, <c>--option</c>.</summary>
internal sealed class SchemeOptions(bool required = true)
{
    public Option<string> Provider { get; } = CliOptions.Provider(required);

    public Option<string> Secret { get; } = CliOptions.Secret(required);

    public Option<string[]> Settings { get; } = CliOptions.Settings();

    public void AddTo(Command command)
    {
        command.Options.Add(Provider);
        command.Options.Add(Secret);
        command.Options.Add(Settings);
    }

    public WebhookProvider GetProvider(ParseResult result) => CliInput.Provider(result.GetRequiredValue(Provider));

    /// <summary>Builds the scheme; malformed key material or invalid settings are a <see cref="CliUsageException"/>.</summary>
    public WebhookScheme CreateScheme(ParseResult result)
        => CliInput.Scheme(GetProvider(result), result.GetRequiredValue(Secret), result.GetValue(Settings));
}
