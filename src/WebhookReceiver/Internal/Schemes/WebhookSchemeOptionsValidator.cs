using Microsoft.Extensions.Options;

namespace WebhookReceiver.Internal;

/// <summary>
/// Validates a scheme's options at start-up (and on reload): the options' own checks, then building the scheme,
/// which decodes the key material. Messages name the scheme and the configuration section, never a secret.
/// Once the options have passed, later (reloaded) values are checked by the scheme handle instead, which logs and
/// keeps the previous keys: an exception thrown from a configuration change callback would take the process down.
/// </summary>
internal sealed class WebhookSchemeOptionsValidator<TOptions>(string name, WebhookProvider provider) : IValidateOptions<TOptions>
    where TOptions : WebhookSchemeOptions, new()
{
    private volatile bool _passedOnce;

    public ValidateOptionsResult Validate(string? optionsName, TOptions options)
    {
        if (_passedOnce || !string.Equals(optionsName, name, StringComparison.Ordinal))
            return ValidateOptionsResult.Skip;
        var errors = Check(name, provider, options);
        if (errors is not null)
            return ValidateOptionsResult.Fail(errors);
        _passedOnce = true;
        return ValidateOptionsResult.Success;
    }

    /// <summary>Returns <see langword="null"/> when valid, otherwise one message listing every problem.</summary>
    public static string? Check(string name, WebhookProvider provider, TOptions options) => provider.Validate(name, options);
}
