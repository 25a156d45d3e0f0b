using WebhookReceiver.Cli.Tests.Infrastructure;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests.Commands;

public sealed class VerifyCommandTests
{
    private static IEnumerable<string> VectorProviders
        => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Vectors"), "*.json").Select(Path.GetFileNameWithoutExtension).Order()!;

    public static TheoryData<string, int> Vectors()
    {
        var data = new TheoryData<string, int>();
        foreach (var provider in VectorProviders)
        {
            for (var i = 0; i < VectorFile.Load(provider).Count; i++)
                data.Add(provider, i);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Vectors))]
    public async Task Verify_PublishedVector_GivesTheExpectedAnswer(string provider, int index)
    {
        if (WebhookProviders.Find(provider) is null)
            Assert.Skip($"provider '{provider}' is not in WebhookProviders.All yet");

        var vector = VectorFile.Load(provider)[index];
        var result = await VerifyAsync(vector);

        Assert.True(vector.Valid ? result.ExitCode == 0 : result.ExitCode == 1, $"{vector.Name}: {result}");
        Assert.Equal(vector.Valid ? "valid" : "invalid: ", result.Out.Trim()[..(vector.Valid ? 5 : 9)]);
    }

    [Fact]
    public async Task Verify_EveryVectorOfEveryCatalogProvider_GivesTheExpectedAnswer()
    {
        var checkedCases = new Dictionary<string, int>();
        foreach (var provider in VectorProviders.Where(p => WebhookProviders.Find(p) is not null))
        {
            foreach (var vector in VectorFile.Load(provider))
            {
                var result = await VerifyAsync(vector);
                Assert.True(result.ExitCode == (vector.Valid ? 0 : 1), $"{provider} / {vector.Name}: {result}");
                checkedCases[provider] = checkedCases.GetValueOrDefault(provider) + 1;
            }
        }

        Assert.True(checkedCases.GetValueOrDefault("standard-webhooks") >= 4, "the standard-webhooks vectors must run");
    }

    [Fact]
    public async Task Verify_StaleTimestamp_SaysHowOldAndTheTolerance()
    {
        var vector = VectorFile.Load("standard-webhooks")[0];

        var result = await VerifyAsync(vector, now: vector.Now!.Value + 412);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("invalid: timestamp 412 s old, tolerance 300 s", result.Out.Trim());
    }

    [Fact]
    public async Task Verify_NoSignatureHeader_SaysWhichHeaderIsMissing()
    {
        var result = await CliRunner.RunAsync("verify", "-p", "standard-webhooks", "-s", QuickstartServer.Secret,
            "-H", "webhook-id: msg_1", "-H", "webhook-timestamp: 1614265330", "--body", "{}", "--now", "1614265330");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("invalid: no webhook-signature header", result.Out.Trim());
    }

    [Fact]
    public async Task Verify_MalformedSecret_PrintsInvalidWithTheReasonAndExitsTwo()
    {
        var result = await CliRunner.RunAsync("verify", "-p", "standard-webhooks", "-s", "whsec_not*base64",
            "-H", "webhook-id: msg_1", "--body", "{}");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("invalid: the secret is not valid base64 after 'whsec_'", result.Out.Trim());
    }

    private static Task<CliResult> VerifyAsync(VectorCase vector, long? now = null)
    {
        var args = new List<string> { "verify", "--provider", vector.Provider, "--secret", vector.Secret, "--body", vector.Body, "--method", vector.Method };
        foreach (var (name, value) in vector.Headers)
            args.AddRange(["--header", $"{name}: {value}"]);
        if (vector.Url is not null)
            args.AddRange(["--url", vector.Url]);
        if ((now ?? vector.Now) is { } clock)
            args.AddRange(["--now", clock.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        return CliRunner.RunAsync([.. args]);
    }
}
