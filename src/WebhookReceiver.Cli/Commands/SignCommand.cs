using System.CommandLine;
using WebhookReceiver.Cli.Infrastructure;

namespace WebhookReceiver.Cli.Commands;

/// <summary><c>webhook sign</c>: prints the headers a provider would send with a body.</summary>
internal static class SignCommand
{
    public static Command Create(CliConsole console)
    {
        var keys = new SchemeOptions(console);
        var body = CliOptions.Body();
        var bodyFile = CliOptions.BodyFile();
        var id = new Option<string>("--id") { Description = "The delivery id. The default is a fresh one, for schemes that sign one.", HelpName = "id" };
        var timestamp = CliOptions.UnixTime("--timestamp", "The signed time in Unix seconds. The default is now.");
        var url = CliOptions.Url("The absolute URL the delivery goes to; needed by providers that sign the URL.").AbsoluteUrl();
        var eventType = CliOptions.Event();
        var bodyOut = new Option<FileInfo>("--body-out")
        {
            Description = "Writes the exact body that was signed to this file; it differs from the input for providers that sign fields inside the body (e.g. Linear's webhookTimestamp).",
            HelpName = "path",
        };
        var command = new Command("sign", CliOptions.WithExamples(
            "Prints the headers a provider would send with the body, one 'Name: value' per line.",
            "webhook sign --provider standard-webhooks --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --body '{\"type\":\"order.created\"}'",
            "webhook sign -p standard-webhooks -s whsec_... --body-file event.json --id msg_1 --timestamp 1614265330"))
        {
            body, bodyFile, id, timestamp, url, eventType, bodyOut,
        };
        keys.AddTo(command);
        CliOptions.RequireOneOf(command, body, bodyFile);
        command.SetAction(async (result, cancellationToken) =>
        {
            var scheme = keys.CreateScheme(result);
            var urlValue = result.GetValue(url);
            if (scheme.RequiresUrl && urlValue is null)
                throw new CliUsageException($"--url is required: provider '{result.GetValue(keys.Provider)}' signs the URL.");
            var bytes = CliInput.Body(result.GetValue(body), result.GetValue(bodyFile));
            var signed = SignWith(scheme, new WebhookSigningRequest
            {
                Body = bytes,
                Id = result.GetValue(id),
                Timestamp = CliInput.UnixSeconds(result.GetValue(timestamp), "--timestamp") ?? console.Time.GetUtcNow(),
                Url = urlValue,
                EventType = result.GetValue(eventType),
            });
            foreach (var (name, value) in signed.Headers)
                await console.Out.WriteLineAsync($"{name}: {value}".AsMemory(), cancellationToken);
            if (signed.Url is not null && signed.Url != urlValue)
                await console.Error.WriteLineAsync($"note: the signature covers the URL {signed.Url}; send it there.".AsMemory(), cancellationToken);
            if (result.GetValue(bodyOut) is { } file)
                await File.WriteAllBytesAsync(file.FullName, signed.Body.ToArray(), cancellationToken);
            else if (!signed.Body.Span.SequenceEqual(bytes))
                await console.Error.WriteLineAsync("note: the provider signed a changed body (a field inside it); write it with --body-out and send that.".AsMemory(), cancellationToken);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Signs; a scheme that holds only keys that cannot sign (public keys) is an input error.</summary>
    public static WebhookSignedRequest SignWith(WebhookScheme scheme, WebhookSigningRequest request)
    {
        try
        {
            return scheme.Sign(request);
        }
        catch (InvalidOperationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
