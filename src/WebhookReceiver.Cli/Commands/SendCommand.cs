using System.CommandLine;
using System.Globalization;
using WebhookReceiver.Cli.Infrastructure;
using WebhookReceiver.Cli.Samples;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Commands;

/// <summary><c>webhook send</c>: signs a fresh delivery (new id, current timestamp) and POSTs it.</summary>
internal static class SendCommand
{
    public static Command Create(CliConsole console)
    {
        var keys = new SchemeOptions(console);
        var to = new Option<string>("--to") { Description = "The receiver's URL (signed as the provider would sign it).", Required = true, HelpName = "url" }.AbsoluteUrl();
        var body = CliOptions.Body();
        var bodyFile = CliOptions.BodyFile();
        var sample = new Option<string>("--sample")
        {
            Description = "A built-in example payload of the provider, by name (e.g. order.created, push, invoice.paid); " +
                          "an unknown name lists the provider's samples.",
            HelpName = "name",
        };
        var eventType = CliOptions.Event();
        var contentType = new Option<string>("--content-type") { Description = "The Content-Type. The default is application/json (or the sample's).", HelpName = "type" };
        var command = new Command("send", CliOptions.WithExamples(
            "Signs a fresh delivery (new id, current timestamp) and POSTs it; prints the status, the receiver's answer and the time taken. " +
            "Exits 1 when the answer is not 2xx.",
            "webhook send -p standard-webhooks -s whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --to http://localhost:5080/webhooks/standard --sample order.created",
            "webhook send -p standard-webhooks -s whsec_... --to http://localhost:5080/webhooks/standard --body-file event.json"))
        {
            to, body, bodyFile, sample, eventType, contentType,
        };
        keys.AddTo(command);
        CliOptions.RequireOneOf(command, body, bodyFile, sample);
        command.SetAction(async (result, cancellationToken) =>
        {
            var providerValue = keys.GetProvider(result);
            var scheme = keys.CreateScheme(result);
            var builder = new WebhookRequestBuilder(scheme).To(result.GetRequiredValue(to)).WithTimeProvider(console.Time);
            string? type = null;
            if (result.GetValue(sample) is { } name)
            {
                var chosen = WebhookSampleCatalog.Find(providerValue.Id, name) ?? throw new CliUsageException(
                    $"Provider '{providerValue.Id}' has no sample '{name}'. Samples: {string.Join(", ", WebhookSampleCatalog.For(providerValue.Id).Select(s => s.Name))}.");
                builder.WithBody(FreshDeliveryIds.Refresh(scheme, chosen.GetBody())).WithContentType(chosen.ContentType);
                type = chosen.EventType;
            }
            else
            {
                builder.WithBody(CliInput.Body(result.GetValue(body), result.GetValue(bodyFile)));
            }
            builder.WithEventType(result.GetValue(eventType) ?? type);
            if (result.GetValue(contentType) is { } media)
                builder.WithContentType(media);
            using var message = Build(builder);

            using var client = new HttpClient();
            var started = console.Time.GetTimestamp();
            var size = (await message.Content!.ReadAsByteArrayAsync(cancellationToken)).Length;
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{message.Method} {message.RequestUri} ({size} bytes)").AsMemory(), cancellationToken);
            ResponseReport report;
            try
            {
                using var response = await client.SendAsync(message, cancellationToken);
                report = await ResponseReport.ReadAsync(response, cancellationToken);
            }
            catch (HttpRequestException e)
            {
                await console.Error.WriteLineAsync($"error: {e.Message}".AsMemory(), cancellationToken);
                if (CliHints.IsUnreachable(e))
                    await console.Error.WriteLineAsync(CliHints.Unreachable(result.GetRequiredValue(to)).AsMemory(), cancellationToken);
                return ExitCodes.Failed;
            }
            var elapsed = console.Time.GetElapsedTime(started);
            await console.Out.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{report.StatusCode} {report.ReasonPhrase} in {elapsed.TotalMilliseconds:0} ms").AsMemory(), cancellationToken);
            if (report.Body.Length > 0)
                await console.Out.WriteLineAsync(report.Body.AsMemory(), cancellationToken);
            if (report.StatusCode == 401)
                await console.Error.WriteLineAsync(CliHints.Unauthorized().AsMemory(), cancellationToken);
            return report.IsSuccess ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    /// <summary>Signs through the builder; a scheme that cannot sign (public keys only) is an input error.</summary>
    public static HttpRequestMessage Build(WebhookRequestBuilder builder)
    {
        try
        {
            return builder.Build();
        }
        catch (InvalidOperationException e)
        {
            throw new CliUsageException(e.Message);
        }
    }
}
