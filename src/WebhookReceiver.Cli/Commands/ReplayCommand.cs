using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using WebhookReceiver.Cli.Infrastructure;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Commands;

/// <summary><c>webhook replay</c>: sends captured deliveries again, as they were or re-signed under a local secret.</summary>
internal static class ReplayCommand
{
    public static Command Create(CliConsole console)
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Capture files, or folders of them (their *.json files, in name order, which is arrival order).",
            Arity = ArgumentArity.OneOrMore,
        };
        var to = new Option<string>("--to") { Description = "The receiver's URL (the captured query is appended when it has none).", Required = true, HelpName = "url" }.AbsoluteUrl();
        var resign = new Option<bool>("--resign") { Description = "Signs each delivery again with a fresh id and timestamp under --secret, replacing the captured signature headers." };
        var keys = new SchemeOptions(console, required: false);
        var concurrency = new Option<int>("--concurrency", "-c") { Description = "How many deliveries are in flight at once.", DefaultValueFactory = _ => 1, HelpName = "n" };
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 256)
                r.AddError("--concurrency must be between 1 and 256.");
        });
        var expect = new Option<string>("--expect")
        {
            Description = "What every answer must be, else exit 1: processed (2xx processed: the handler ran), duplicate (2xx duplicate), " +
                          "or refused (duplicate, 401 or 409: replay protection held, the handler did not run). " +
                          "Without it, exit 1 when any answer is not 2xx.",
            HelpName = "processed|duplicate|refused",
        };
        expect.AcceptOnlyFromAmong(Enum.GetValues<ReplayExpectation>().Select(ReplayRun.Name).ToArray());
        var command = new Command("replay", CliOptions.WithExamples(
            "Replays captured deliveries. As-is, a receiver with replay protection should refuse them (duplicate or 401): a replay-attack test. " +
            "With --resign each gets a fresh id, timestamp and signature under the local secret, so the handler runs on real payloads. " +
            "Prints one line per delivery and a summary; exits 1 when any answer is not 2xx, or with --expect when any answer is not the one expected.",
            "webhook replay captures --to http://localhost:5080/webhooks/standard --expect refused",
            "webhook replay captures --to http://localhost:5080/webhooks/standard --resign --provider standard-webhooks --secret whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw --expect processed"))
        {
            paths, to, resign, concurrency, expect,
        };
        keys.AddTo(command);
        command.Validators.Add(result =>
        {
            var resigning = result.GetValue(resign);
            if (resigning && (result.GetResult(keys.Provider) is null || !keys.HasSecret(result)))
                result.AddError($"--resign needs --provider and --secret or {SchemeOptions.SecretVariable} (the secret the receiver verifies with).");
            if (!resigning && (result.GetResult(keys.Provider) is not null || keys.HasExplicitSecret(result)))
                result.AddError("--provider and --secret are used only with --resign.");
        });
        command.SetAction(async (result, cancellationToken) =>
        {
            var files = Expand(result.GetRequiredValue(paths));
            WebhookScheme? scheme = null;
            if (result.GetValue(resign))
                scheme = keys.CreateScheme(result);
            ReplayExpectation? expectation = result.GetValue(expect) is { } name ? Enum.Parse<ReplayExpectation>(name, ignoreCase: true) : null;
            var run = new ReplayRun(console, files.Count, result.GetRequiredValue(to), scheme, expectation);
            using var client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = result.GetValue(concurrency), CancellationToken = cancellationToken },
                (file, token) => run.SendAsync(client, file, token));
            return await run.FinishAsync();
        });
        return command;
    }

    private static List<string> Expand(string[] paths)
    {
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                var found = Directory.GetFiles(path, "*.json");
                Array.Sort(found, StringComparer.Ordinal);
                files.AddRange(found);
            }
            else if (File.Exists(path))
            {
                files.Add(path);
            }
            else
            {
                throw new CliUsageException($"No capture file or folder at '{path}'.");
            }
        }
        if (files.Count == 0)
            throw new CliUsageException("No capture files (*.json) found in " + string.Join(", ", paths) + ".");
        return files;
    }
}
