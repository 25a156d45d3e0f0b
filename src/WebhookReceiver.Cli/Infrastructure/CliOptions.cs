using System.CommandLine;
using System.CommandLine.Parsing;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>The options several commands share, each created per command.</summary>
internal static class CliOptions
{
    private static string ProviderIds => string.Join(", ", WebhookProviders.All.Select(p => p.Id));

    public static Option<string> Provider(bool required = true)
    {
        var option = new Option<string>("--provider", "-p")
        {
            Description = $"The provider id: {ProviderIds}.",
            Required = required,
            HelpName = "id",
        };
        option.CompletionSources.Add(_ => WebhookProviders.All.Select(p => p.Id));
        option.Validators.Add(result =>
        {
            var id = result.GetValueOrDefault<string>();
            if (id is not null && WebhookProviders.Find(id) is null)
                result.AddError($"Unknown provider '{id}' for --provider. Known providers: {ProviderIds}.");
        });
        return option;
    }

    public static Option<string> Secret() => new("--secret", "-s")
    {
        Description = "The secret or key exactly as the provider shows it (e.g. whsec_..., whpk_..., whsk_..., a hex or base64 key). " +
                      "When absent, the WEBHOOK_SECRET environment variable is read.",
        HelpName = "secret",
    };

    public static Option<string[]> Settings() => new("--option")
    {
        Description = "A provider option as in Webhooks:Schemes:{name}, 'Name=value'; repeat for each (e.g. the hmac provider's SignatureHeader=X-Signature, or Tolerance=00:10:00).",
        HelpName = "Name=value",
        Arity = ArgumentArity.OneOrMore,
    };

    public static Option<string> Body() => new("--body") { Description = "The body as text (sent as its UTF-8 bytes).", HelpName = "text" };

    public static Option<FileInfo> BodyFile() => new("--body-file") { Description = "A file holding the exact body bytes.", HelpName = "path" };

    public static Option<string> Url(string description) => new("--url") { Description = description, HelpName = "url" };

    public static Option<string> Event() => new("--event") { Description = "The event type, for providers that send it in a header (e.g. GitHub's push).", HelpName = "type" };

    public static Option<long?> UnixTime(string name, string description) => new(name) { Description = description, HelpName = "unix-seconds" };

    /// <summary>Requires exactly one of <paramref name="options"/>.</summary>
    public static void RequireOneOf(Command command, params Option[] options)
    {
        var names = string.Join(" | ", options.Select(o => o.Name));
        command.Validators.Add(result =>
        {
            var given = options.Count(o => result.GetResult(o) is OptionResult { Implicit: false });
            if (given == 0)
                result.AddError($"Give the body with one of ({names}).");
            else if (given > 1)
                result.AddError($"Give only one of ({names}).");
        });
    }

    /// <summary>Accepts only absolute http or https URLs.</summary>
    public static Option<string> AbsoluteUrl(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            var value = result.GetValueOrDefault<string>();
            if (value is not null && !CliInput.IsHttpUrl(value))
                result.AddError($"{option.Name} needs an absolute http:// or https:// URL, not '{value}'.");
        });
        return option;
    }

    /// <summary>Appends examples to a command's description, shown by <c>--help</c>.</summary>
    public static string WithExamples(string description, params string[] examples)
        => description + Environment.NewLine + Environment.NewLine + "Examples:" + Environment.NewLine
           + string.Join(Environment.NewLine, examples.Select(e => "  " + e));
}
