using System.CommandLine;
using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli.Commands;

/// <summary><c>webhook verify</c>: checks a delivery with the provider's scheme and prints <c>valid</c> or <c>invalid: reason</c>.</summary>
internal static class VerifyCommand
{
    public static Command Create(CliConsole console)
    {
        var keys = new SchemeOptions(console);
        var headers = new Option<string[]>("--header", "-H")
        {
            Description = "A header as received, 'Name: value'; repeat for each header.",
            HelpName = "Name: value",
            Arity = ArgumentArity.OneOrMore,
        };
        var body = CliOptions.Body();
        var bodyFile = CliOptions.BodyFile();
        var url = CliOptions.Url("The absolute URL the provider called; needed by providers that sign the URL.").AbsoluteUrl();
        var method = new Option<string>("--method", "-X") { Description = "The HTTP method.", DefaultValueFactory = _ => "POST", HelpName = "method" };
        var now = CliOptions.UnixTime("--now", "The receiver's clock in Unix seconds, to check an old delivery. The default is now.");
        var command = new Command("verify", CliOptions.WithExamples(
            "Verifies a delivery as the receiver would and prints 'valid' (exit 0) or 'invalid: <reason>' (exit 1). " +
            "Key material that cannot be decoded prints 'invalid: <reason>' and exits 2 (an input error).",
            "webhook verify -p standard-webhooks -s whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw -H 'webhook-id: msg_p5jXN8AQM9LWM0D4loKWxJek' " +
            "-H 'webhook-timestamp: 1614265330' -H 'webhook-signature: v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' " +
            "--body '{\"test\": 2432232314}' --now 1614265330"))
        {
            headers, body, bodyFile, url, method, now,
        };
        keys.AddTo(command);
        CliOptions.RequireOneOf(command, body, bodyFile);
        command.SetAction(async (result, cancellationToken) =>
        {
            WebhookScheme scheme;
            try
            {
                scheme = keys.CreateScheme(result);
            }
            catch (CliUsageException e)
            {
                await console.Out.WriteLineAsync($"invalid: {e.Message}".AsMemory(), cancellationToken);
                return ExitCodes.Usage;
            }
            var urlValue = result.GetValue(url);
            if (scheme.RequiresUrl && urlValue is null)
                throw new CliUsageException($"--url is required: provider '{result.GetValue(keys.Provider)}' signs the URL.");
            var request = new WebhookRequest(result.GetRequiredValue(method), urlValue,
                CliInput.Headers(result.GetValue(headers) ?? []), CliInput.Body(result.GetValue(body), result.GetValue(bodyFile)));
            var verification = scheme.Verify(request, CliInput.UnixSeconds(result.GetValue(now), "--now") ?? console.Time.GetUtcNow());
            await console.Out.WriteLineAsync(verification.ToString().AsMemory(), cancellationToken);
            return verification.Succeeded ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }
}
