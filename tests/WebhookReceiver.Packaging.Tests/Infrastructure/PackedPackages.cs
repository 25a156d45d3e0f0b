using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;

namespace WebhookReceiver.Packaging.Tests.Infrastructure;

/// <summary>
/// Packs the four packages once for the whole test class, as a release would (<c>dotnet pack -c Release</c> with
/// <c>CI=true</c>), into <c>artifacts/package-tests/{guid}</c> with its own build outputs, so it neither reads nor
/// disturbs the solution's bin and obj folders. It takes about a minute (longer on a busy machine).
/// </summary>
public sealed class PackedPackages : IAsyncLifetime
{
    public static readonly string[] Ids = ["WebhookReceiver", "WebhookReceiver.StackExchangeRedis", "WebhookReceiver.Testing", "WebhookReceiver.Cli"];

    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);
    private readonly Dictionary<string, PackedPackage> _packages = new(StringComparer.Ordinal);
    private readonly string _root = System.IO.Path.Combine(RepositoryRoot.Path, "artifacts", "package-tests", Guid.NewGuid().ToString("N"));

    /// <summary>The folder the .nupkg and .snupkg files were written to.</summary>
    public string Directory => System.IO.Path.Combine(_root, "packages");

    /// <summary>The version Directory.Build.props gives: VersionPrefix-VersionSuffix.</summary>
    public string Version { get; } = ReadVersion();

    public PackedPackage this[string id] => _packages[id];

    public async ValueTask InitializeAsync()
    {
        System.IO.Directory.CreateDirectory(_root);
        var filter = System.IO.Path.Combine(_root, "packages.slnf");
        await File.WriteAllTextAsync(filter, JsonSerializer.Serialize(new
        {
            solution = new
            {
                path = System.IO.Path.Combine(RepositoryRoot.Path, "WebhookReceiver.sln"),
                projects = Ids.Select(id => $"src/{id}/{id}.csproj").ToArray(),
            },
        }));
        await RunPackAsync(filter);
        foreach (var id in Ids)
            _packages[id] = PackedPackage.Open(Directory, id, Version);
    }

    public ValueTask DisposeAsync()
    {
        try
        {
            System.IO.Directory.Delete(_root, recursive: true);
        }
        catch (IOException)
        {
        }
        return ValueTask.CompletedTask;
    }

    private async Task RunPackAsync(string filter)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var arg in (string[])["pack", filter, "-c", "Release", "--artifacts-path", System.IO.Path.Combine(_root, "build"),
                     "-o", Directory, "--disable-build-servers", "-nologo"])
            start.ArgumentList.Add(arg);
        // As CI builds: ContinuousIntegrationBuild. MSBuild variables of a surrounding build would redirect this one.
        start.Environment["CI"] = "true";
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToArray())
            start.Environment.Remove(name);

        using var process = Process.Start(start)!;
        var output = new StringBuilder();
        var reading = Task.WhenAll(Copy(process.StandardOutput, output), Copy(process.StandardError, output));
        using var timeout = new CancellationTokenSource(PackTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"dotnet pack did not finish in {PackTimeout}:\n{output}");
        }
        await reading;
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"dotnet pack exited {process.ExitCode}:\n{output}");
    }

    private static async Task Copy(StreamReader reader, StringBuilder output)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            lock (output)
                output.AppendLine(line);
        }
    }

    private static string ReadVersion()
    {
        var props = XDocument.Load(System.IO.Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));
        string? Value(string name) => props.Descendants(name).FirstOrDefault()?.Value;
        var prefix = Value("VersionPrefix") ?? throw new InvalidOperationException("Directory.Build.props has no VersionPrefix.");
        return Value("VersionSuffix") is { Length: > 0 } suffix ? $"{prefix}-{suffix}" : prefix;
    }
}
