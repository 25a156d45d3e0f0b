using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using WebhookReceiver.Packaging.Tests.Infrastructure;

namespace WebhookReceiver.Packaging.Tests;

/// <summary>
/// What <c>dotnet pack</c> produces, checked on the packages themselves. Slow by design: the fixture packs the four
/// packages once (about a minute) and every test reads them. Run alone with
/// <c>dotnet test --project tests/WebhookReceiver.Packaging.Tests</c>.
/// </summary>
[Trait("Category", "Packaging")]
public sealed partial class PackageTests(PackedPackages packages) : IClassFixture<PackedPackages>
{
    /// <summary>The CLI package measured 4.2 MB (8.7 MB unpacked) after leaving out the mobile libsodium builds; 8.2 MB (18.6 MB) before.</summary>
    private const long CliPackageMaxBytes = 5L * 1024 * 1024;

    public static TheoryData<string> Ids => new(PackedPackages.Ids);

    public static TheoryData<string> Libraries => new(PackedPackages.Ids.Where(id => id != "WebhookReceiver.Cli"));

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_Version_IsTheOneInDirectoryBuildProps(string id)
    {
        var package = packages[id];

        Assert.Equal(packages.Version, package.Metadata("version")?.Value);
        Assert.Matches(@"^\d+\.\d+\.\d+(-[0-9A-Za-z.]+)?$", packages.Version);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_Readme_IsItsOwnShortReadme(string id)
    {
        var package = packages[id];
        var own = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "src", id, "README.md"));
        var repository = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        Assert.Equal("README.md", package.Metadata("readme")?.Value);
        var readme = package.Text("README.md");
        Assert.Equal(own, readme);
        Assert.NotEqual(repository, readme);
        Assert.StartsWith("# " + id, readme, StringComparison.Ordinal);
        Assert.True(readme.Length < 4000, $"{id}'s README is {readme.Length} characters: keep it short and link to the full README.");
        Assert.Contains("## Install", readme, StringComparison.Ordinal);
        Assert.Contains("https://github.com/webhookreceiver/webhookreceiver", readme, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_License_IsMitAsExpressionAndFile(string id)
    {
        var package = packages[id];
        var license = package.Metadata("license");

        Assert.Equal(("expression", "MIT"), (license?.Attribute("type")?.Value, license?.Value));
        Assert.Equal(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "LICENSE")), package.Text("LICENSE"));
        Assert.StartsWith("MIT License", package.Text("LICENSE"), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_Repository_HasUrlTypeAndCommit(string id)
    {
        var repository = packages[id].Metadata("repository");

        Assert.NotNull(repository);
        Assert.Equal("git", repository.Attribute("type")?.Value);
        Assert.StartsWith("https://", repository.Attribute("url")?.Value, StringComparison.Ordinal);
        var commit = repository.Attribute("commit")?.Value;
        Assert.Matches("^[0-9a-f]{40}$", commit);
        if (GitHead() is { } head)
            Assert.Equal(head, commit);
        Assert.StartsWith("https://", packages[id].Metadata("projectUrl")?.Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_Symbols_AreInASnupkgBesideIt(string id)
    {
        var package = packages[id];
        var assemblies = package.Entries.Where(IsOwnAssembly).ToArray();

        Assert.True(File.Exists(package.SymbolsPath), $"no {Path.GetFileName(package.SymbolsPath)} beside {Path.GetFileName(package.Path)}");
        Assert.NotEmpty(assemblies);
        foreach (var assembly in assemblies)
            Assert.Contains(Path.ChangeExtension(assembly, ".pdb"), package.SymbolEntries);
    }

    [Theory]
    [MemberData(nameof(Libraries))]
    public void Library_XmlDocs_ArePackedBesideTheDll(string id)
    {
        var package = packages[id];

        Assert.Contains($"lib/net10.0/{id}.dll", package.Entries);
        var docs = XDocument.Parse(package.Text($"lib/net10.0/{id}.xml"));
        Assert.Equal(id, docs.Root?.Element("assembly")?.Element("name")?.Value);
        Assert.NotEmpty(docs.Descendants("member"));
    }

    [Fact]
    public void Library_SourceGenerator_IsPackedAsACSharpAnalyzer()
    {
        var package = packages["WebhookReceiver"];

        Assert.Contains("analyzers/dotnet/cs/WebhookReceiver.Generators.dll", package.Entries);
        Assert.DoesNotContain(package.Entries, e => e.StartsWith("lib/", StringComparison.Ordinal) && e.Contains("Generators", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("build/WebhookReceiver.targets")]
    [InlineData("buildTransitive/WebhookReceiver.targets")]
    public void Library_BuildTargets_AllowTheGeneratedInterceptors(string entry)
    {
        var package = packages["WebhookReceiver"];

        Assert.Contains(entry, package.Entries);
        Assert.Contains("<InterceptorsNamespaces>$(InterceptorsNamespaces);WebhookReceiver.Generated</InterceptorsNamespaces>",
            package.Text(entry), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Package_CiBuild_EmbedsNoPathOfTheBuildMachine(string id)
    {
        var package = packages[id];
        var machinePath = Encoding.UTF8.GetBytes(RepositoryRoot.Path);

        foreach (var assembly in package.Entries.Where(IsOwnAssembly))
            Assert.True(package.Bytes(assembly).AsSpan().IndexOf(machinePath) < 0, $"{assembly} contains '{RepositoryRoot.Path}'");
    }

    [Fact]
    public void CliPackage_Size_StaysUnderTheMeasuredBound()
    {
        var cli = packages["WebhookReceiver.Cli"];

        Assert.True(cli.Size < CliPackageMaxBytes, $"WebhookReceiver.Cli is {cli.Size:N0} bytes ({cli.UnpackedSize:N0} unpacked), over {CliPackageMaxBytes:N0}.");
        Assert.Equal("DotnetTool", cli.Metadata("packageTypes")?.Elements().Single().Attribute("name")?.Value);
    }

    [Fact]
    public void CliPackage_Libsodium_OnlyForPlatformsAToolRunsOn()
    {
        var natives = packages["WebhookReceiver.Cli"].Entries.Where(e => e.Contains("/runtimes/", StringComparison.Ordinal)).ToArray();

        Assert.DoesNotContain(natives, e => MobileRuntime().IsMatch(e));
        foreach (var rid in (string[])["linux-x64", "linux-arm64", "linux-musl-x64", "osx-arm64", "osx-x64", "win-x64", "win-arm64"])
            Assert.Contains(natives, e => e.Contains($"/runtimes/{rid}/native/", StringComparison.Ordinal));
        Assert.DoesNotContain(packages["WebhookReceiver.Cli"].Entries, e => e.StartsWith("tools/net10.0/any/WebhookReceiver", StringComparison.Ordinal) && e.EndsWith(".xml", StringComparison.Ordinal));
    }

    private static bool IsOwnAssembly(string entry)
        => entry.EndsWith(".dll", StringComparison.Ordinal) && !entry.Contains("/runtimes/", StringComparison.Ordinal)
           && Path.GetFileName(entry) is var name && (name.StartsWith("WebhookReceiver", StringComparison.Ordinal) || name == "webhook.dll");

    private static string? GitHead()
    {
        try
        {
            var start = new ProcessStartInfo("git", "rev-parse HEAD") { WorkingDirectory = RepositoryRoot.Path, RedirectStandardOutput = true, RedirectStandardError = true };
            using var git = Process.Start(start)!;
            var head = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? head : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;   // no git on this machine
        }
    }

    [GeneratedRegex(@"/runtimes/(android|ios|iossimulator|tvos|tvossimulator|maccatalyst|browser|wasi)-")]
    private static partial Regex MobileRuntime();
}
