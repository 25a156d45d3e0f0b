using Microsoft.Extensions.Logging;

namespace WebhookReceiver.Tests.Fuzz;

/// <summary>
/// The hostile-input fuzz suite (SECURITY.md, "What the tests cover"): one deterministic run (<see cref="FuzzRun"/>, fixed
/// seed) of genuine deliveries of every provider mutated, unsigned garbage and raw-socket cases against a real Kestrel
/// server; each test asserts one property over it. The run's totals are written to the test output.
/// </summary>
public sealed class HostileInputFuzzTests(FuzzRun run) : IClassFixture<FuzzRun>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);

    [Fact]
    public void Run_Totals_AreReported()
    {
        TestContext.Current.TestOutputHelper?.WriteLine(run.Summary);
        Console.WriteLine(run.Summary);
        Assert.NotEmpty(run.Results);
    }

    [Fact]
    public void Run_EveryProvider_IsFuzzed()
    {
        var fuzzed = run.Results.Select(r => r.Scheme).ToHashSet();
        Assert.All(WebhookProviders.All, p => Assert.Contains(p.Id, fuzzed));
    }

    [Fact]
    public void Genuine_Delivery_IsProcessedAndItsReplayIsADuplicate()
    {
        var wrong = run.Results.Where(r => r.Expectation == FuzzExpectation.Processed && (r.Status != 200 || !r.Handled)).ToList();
        Assert.True(wrong.Count == 0, "genuine deliveries not processed:\n" + string.Join('\n', wrong));
        var replays = run.Results.Where(r => r.Case == "replay").ToList();
        Assert.Equal(run.Schemes.Count, replays.Count);
        // Schemes that answer without a body (Xero) say "duplicate" with a bare 200.
        var bodiless = run.Schemes.Where(s => s.Verifier.AnswersWithoutBody).Select(s => s.Name).ToHashSet();
        Assert.All(replays, r => Assert.True(r.Status == 200 && !r.Handled
            && (bodiless.Contains(r.Scheme) ? r.Answer.Length == 0 : r.Answer.Contains("duplicate", StringComparison.Ordinal)), r.ToString()));
    }

    [Fact]
    public void TamperedUnsignedOrReplayed_IsNeverAccepted()
    {
        var accepted = run.Results.Where(r => r.Expectation == FuzzExpectation.NotAccepted
            && (r.Handled || r.Answer.Contains("\"processed\"", StringComparison.Ordinal) || r.Answer.Contains("\"accepted\"", StringComparison.Ordinal))).ToList();
        Assert.True(accepted.Count == 0, "accepted although tampered, unsigned or already settled:\n" + string.Join('\n', accepted));
    }

    [Fact]
    public void Handler_SawOnlyAuthenticBodies()
    {
        var foreign = run.Handler.Seen.Where(seen => !run.AuthenticBodies.Contains(seen)).ToList();
        Assert.True(foreign.Count == 0, $"the handler ran for {foreign.Count} bodies that were never signed: {string.Join(", ", foreign.Take(10))}");
    }

    [Fact]
    public void Responses_Have5xxOnlyWhereTheHandlerThrewOnPurpose()
    {
        var unprovoked = run.Results.Concat(run.Health).Where(r => r.Is5xx && r.Expectation != FuzzExpectation.Provoked500).ToList();
        Assert.True(unprovoked.Count == 0, "5xx not provoked by the handler:\n" + string.Join('\n', unprovoked));
        var provoked = run.Results.Where(r => r.Expectation == FuzzExpectation.Provoked500).ToList();
        Assert.All(provoked, r => Assert.Equal(500, r.Status));
    }

    [Fact]
    public void EveryRequest_IsAnsweredWithinFiveSeconds()
    {
        var slow = run.Results.Concat(run.Health).Where(r => r.Bounded && r.Elapsed > Bound).ToList();
        Assert.True(slow.Count == 0, "over 5 s:\n" + string.Join('\n', slow));
    }

    [Fact]
    public void SlowBodies_AreCutOffByKestrelOrProcessed()
    {
        var tooSlow = run.Results.Where(r => r.Case == "raw-slow-body-too-slow").ToList();
        Assert.NotEmpty(tooSlow);
        Assert.All(tooSlow, r => Assert.True(r.Status is 408 or 0 && !r.Handled && r.Elapsed < TimeSpan.FromSeconds(15), r.ToString()));
        Assert.All(run.Results.Where(r => r.Case == "raw-slow-body-in-time"), r => Assert.True(r.Status == 200 && r.Handled, r.ToString()));
    }

    [Fact]
    public void Server_AfterTheRun_ProcessesAGenuineDeliveryOfEveryScheme()
    {
        Assert.Equal(run.Schemes.Count, run.Health.Count);
        Assert.All(run.Health, r => Assert.True(r.Status == 200 && r.Handled && r.Elapsed < Bound, r.ToString()));
    }

    [Fact]
    public void Log_HoldsNoSecretSignatureOrCanary()
    {
        var leaks = new List<string>();
        var secrets = run.Secrets().ToList();
        foreach (var (level, id, text) in run.LogLines())
        {
            foreach (var (scheme, secret) in secrets)
            {
                if (text.Contains(secret, StringComparison.Ordinal))
                    leaks.Add($"secret of {scheme} in [{level} {id}] {Short(text)}");
            }
            if (text.Contains(FuzzProvider.Canary, StringComparison.Ordinal))
                leaks.Add($"body canary in [{level} {id}] {Short(text)}");
            foreach (System.Text.RegularExpressions.Match token in FuzzRun.SignatureToken().Matches(text))
            {
                if (run.SentSignatureTokens.Contains(token.Value))
                    leaks.Add($"sent signature in [{level} {id}] {Short(text)}");
            }
        }
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Distinct().Take(30)));
    }

    [Fact]
    public void Log_HoldsNoErrorButTheProvokedHandlerFailures()
    {
        // Event 11 is WebhookLog.HandlerFailed: the handler threw on purpose. Anything else at Error is a bug (e.g. an
        // exception escaping the pipeline, which Kestrel logs as "An unhandled exception was thrown by the application").
        var errors = run.LogLines().Where(l => l.Level >= LogLevel.Error && l.Id.Id != 11)
            .GroupBy(l => $"[{l.Level} {l.Id}] {FirstLines(l.Text)}").Select(g => $"{g.Count()}× {g.Key}").ToList();
        Assert.True(errors.Count == 0, "error log lines:\n" + string.Join('\n', errors));
    }

    [Fact]
    public void CaptureFiles_HoldNoConfiguredSecret()
    {
        var leaks = CaptureLeaks();
        Assert.True(leaks.Count == 0, string.Join('\n', leaks.Take(30)));
    }

    [Fact]
    public void CaptureFiles_AreWrittenForTheRun()
        => Assert.NotEmpty(run.Captures);

    [Fact]
    public void Twilio_FormOverTheReaderCaps_IsAVerificationFailure()
    {
        var capped = run.Results.Where(r => r.Scheme == "twilio" && r.Case is "unsigned-form-fields" or "unsigned-form-long-key" or "many-form-fields" or "long-form-key").ToList();
        Assert.Equal(4, capped.Count);
        Assert.All(capped, r => Assert.True(r.Status == 401, r.ToString()));
    }

    [Fact]
    public void BatchProviders_UnsignedMiBArray_IsRefusedWithoutReadingIt()
    {
        // An unsigned 1 MiB [{},{},…] once cost ~750 ms of CPU (batch items were hashed on the 401 path).
        var batch = run.Results.Where(r => r.Scheme is "sendgrid" or "hubspot" && r.Case.StartsWith("unsigned-huge-array", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, batch.Count);
        Assert.All(batch, r => Assert.True(r.Status == 401 && r.Elapsed < TimeSpan.FromMilliseconds(500), r.ToString()));
    }

    [Fact]
    public void LoneSurrogatesAndInvalidUtf8_AreAnsweredWithout5xx()
    {
        var cases = run.Results.Where(r => r.Case.Contains("surrogate", StringComparison.Ordinal) || r.Case.Contains("utf8", StringComparison.Ordinal)).ToList();
        Assert.True(cases.Count >= run.Schemes.Count * 4);
        Assert.All(cases, r => Assert.True(r.Status is > 0 and < 500, r.ToString()));
    }

    internal List<string> CaptureLeaks()
    {
        var leaks = new List<string>();
        var secrets = run.Secrets().ToList();
        foreach (var (file, capture) in run.Captures)
        {
            var texts = capture.Headers.SelectMany(h => h.Value.Select(v => (Where: "header " + h.Key, Text: v)))
                .Append(("query", capture.Query ?? "")).Append(("path", capture.Path));
            foreach (var (where, text) in texts)
            {
                foreach (var (scheme, secret) in secrets)
                {
                    if (text.Contains(secret, StringComparison.Ordinal))
                        leaks.Add($"{file} ({capture.Scheme}): secret of {scheme} in {where}");
                }
            }
        }
        return leaks.Distinct().ToList();
    }

    /// <summary>The message and the exception's type and message, without the connection ids and the stack.</summary>
    private static string FirstLines(string text)
    {
        var lines = text.Split('\n');
        var message = System.Text.RegularExpressions.Regex.Replace(lines[0], "\"[0-9A-Z]{13}(:[0-9A-F]{8})?\"", "\"…\"");
        return lines.Length > 1 ? message + " " + lines[1].Trim() : message;
    }

    private static string Short(string text, int length = 200) => text.Length <= length ? text : text[..length] + "…";
}
