using System.ComponentModel;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Interop;

/// <summary>What tests/Interop/interop.mjs is given on stdin (null members are left out).</summary>
public sealed record NodeRequest
{
    public required string Secret { get; init; }

    /// <summary>The exact body, as UTF-8 text.</summary>
    public required string Body { get; init; }

    public string? Id { get; init; }

    /// <summary>The signed timestamp, Unix seconds.</summary>
    public long? Timestamp { get; init; }

    /// <summary>The receiving time, Unix seconds, for SDKs that take one (Stripe, Slack).</summary>
    public long? Now { get; init; }

    public string? Url { get; init; }

    public IReadOnlyDictionary<string, string>? Headers { get; init; }

    /// <summary>Twilio: HMAC_SHA1 or HMAC_SHA256 (a SharedKey signature).</summary>
    public string? Algorithm { get; init; }

    /// <summary>Twilio: the form fields of a form post (null: a JSON body signed through <c>bodySHA256</c>).</summary>
    public IReadOnlyDictionary<string, string>? Params { get; init; }

    /// <summary>Discord, SendGrid: the public key the SDK verifies with.</summary>
    public string? PublicKey { get; init; }
}

/// <summary>What an SDK signed: the headers and, when it signs one, the URL to send to.</summary>
public sealed record NodeSigned(Dictionary<string, string> Headers, string? Url);

/// <summary>An SDK's verdict on a delivery: valid, or rejected with the SDK's reason.</summary>
public sealed record NodeVerdict(bool Valid, string Reason);

/// <summary>
/// Runs tests/Interop/interop.mjs, where a provider's own npm package signs or verifies. Needs node and the packages
/// that <c>npm ci --prefix tests/Interop</c> installs: without them the test fails under CI (CI=true) and is skipped
/// otherwise, saying what to run.
/// </summary>
public static class NodeInterop
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    public static string Folder { get; } = Path.Combine(RepositoryRoot.Path, "tests", "Interop");

    public static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Fails (under CI) or skips the test when node or the npm package is not installed.</summary>
    public static void RequirePackage(string npmPackage)
    {
        var modules = Path.Combine(Folder, "node_modules");
        if (!File.Exists(Path.Combine(modules, npmPackage, "package.json")))
            Missing($"{npmPackage} is not installed in tests/Interop/node_modules: run `npm ci --prefix tests/Interop` (needs node and npm) before the tests.");
    }

    public static async Task<NodeSigned> SignAsync(string package, NodeRequest request)
    {
        var (code, stdout, stderr) = await RunAsync(package, "sign", request);
        if (code != 0)
            Assert.Fail($"node interop.mjs {package} sign exited {code}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        var headers = document.RootElement.GetProperty("headers").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.OrdinalIgnoreCase);
        var url = document.RootElement.TryGetProperty("url", out var u) ? u.GetString() : null;
        return new NodeSigned(headers, url);
    }

    /// <summary>What the SDK's own receiver answers to a delivery (the driver's <c>answer</c>: its JSON on stdout).</summary>
    public static async Task<JsonElement> AnswerAsync(string package, NodeRequest request)
    {
        var (code, stdout, stderr) = await RunAsync(package, "answer", request);
        if (code != 0)
            Assert.Fail($"node interop.mjs {package} answer exited {code}: {stderr}");
        using var document = JsonDocument.Parse(stdout);
        return document.RootElement.Clone();
    }

    public static async Task<NodeVerdict> VerifyAsync(string package, NodeRequest request)
    {
        var (code, _, stderr) = await RunAsync(package, "verify", request);
        if (code is not (0 or 1))
            Assert.Fail($"node interop.mjs {package} verify exited {code} (no verdict): {stderr}");
        return new NodeVerdict(code == 0, stderr.Trim());
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string package, string action, NodeRequest request)
    {
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("interop.mjs");
        start.ArgumentList.Add(package);
        start.ArgumentList.Add(action);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            Missing($"node could not be started ({e.Message}): install node and npm, then run `npm ci --prefix tests/Interop` before the tests.");
            throw; // not reached
        }
        using (process)
        {
            using var timeout = new CancellationTokenSource(Timeout);
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.StandardInput.WriteAsync(JsonSerializer.Serialize(request, Json).AsMemory(), timeout.Token);
            process.StandardInput.Close();
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"node interop.mjs {package} {action} did not finish within {Timeout.TotalSeconds} s.");
            }
            return (process.ExitCode, await stdout, await stderr);
        }
    }

    private static void Missing(string message)
    {
        if (UnderCi)
            Assert.Fail(message);
        Assert.Skip(message);
    }
}
