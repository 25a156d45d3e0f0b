using System.IO.Compression;
using System.Xml.Linq;

namespace WebhookReceiver.Packaging.Tests.Infrastructure;

/// <summary>One packed <c>.nupkg</c> and its <c>.snupkg</c>: entries, bytes and the nuspec's metadata.</summary>
public sealed class PackedPackage
{
    private readonly Dictionary<string, byte[]> _entries;
    private readonly XElement _metadata;

    private PackedPackage(string id, string path, string symbolsPath)
    {
        Id = id;
        Path = path;
        SymbolsPath = symbolsPath;
        _entries = ReadEntries(path);
        SymbolEntries = File.Exists(symbolsPath) ? ReadEntries(symbolsPath).Keys.ToArray() : [];
        var nuspec = XDocument.Parse(Text(_entries.Keys.Single(e => e.EndsWith(".nuspec", StringComparison.Ordinal))));
        _metadata = nuspec.Root!.Elements().Single(e => e.Name.LocalName == "metadata");
    }

    public string Id { get; }

    public string Path { get; }

    /// <summary>The <c>.snupkg</c> expected beside the package (it may be missing: a test checks).</summary>
    public string SymbolsPath { get; }

    public long Size => new FileInfo(Path).Length;

    public long UnpackedSize => _entries.Values.Sum(b => (long)b.Length);

    public IReadOnlyCollection<string> Entries => _entries.Keys;

    public IReadOnlyList<string> SymbolEntries { get; }

    public static PackedPackage Open(string directory, string id, string version)
    {
        var path = System.IO.Path.Combine(directory, $"{id}.{version}.nupkg");
        return new PackedPackage(id, path, System.IO.Path.ChangeExtension(path, ".snupkg"));
    }

    /// <summary>A nuspec metadata element by local name, or null.</summary>
    public XElement? Metadata(string name) => _metadata.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    public byte[] Bytes(string entry) => _entries[entry];

    public string Text(string entry) => System.Text.Encoding.UTF8.GetString(_entries[entry]).TrimStart('\uFEFF');

    private static Dictionary<string, byte[]> ReadEntries(string path)
    {
        using var zip = ZipFile.OpenRead(path);
        var entries = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var entry in zip.Entries)
        {
            using var stream = entry.Open();
            using var copy = new MemoryStream();
            stream.CopyTo(copy);
            entries[Uri.UnescapeDataString(entry.FullName)] = copy.ToArray();
        }
        return entries;
    }
}
