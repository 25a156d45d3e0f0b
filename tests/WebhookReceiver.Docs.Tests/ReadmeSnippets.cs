using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Docs.Tests;

/// <summary>The <c>```csharp</c> blocks of README.md and of every package README (src/*/README.md).</summary>
public static class ReadmeSnippets
{
    private static readonly Lazy<IReadOnlyList<ReadmeSnippet>> Snippets = new(Load);

    public static IReadOnlyList<ReadmeSnippet> All => Snippets.Value;

    /// <summary>The snippet ids, one test case each.</summary>
    public static TheoryData<string> Ids
    {
        get
        {
            var data = new TheoryData<string>();
            foreach (var snippet in All)
                data.Add(snippet.Id);
            return data;
        }
    }

    public static ReadmeSnippet Find(string id) => All.Single(s => s.Id == id);

    /// <summary>The READMEs read, relative to the repository root.</summary>
    public static IEnumerable<string> Files()
    {
        yield return "README.md";
        foreach (var readme in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "src"), "README.md", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            yield return Path.GetRelativePath(RepositoryRoot.Path, readme).Replace('\\', '/');
    }

    /// <summary>Reads the fenced <c>csharp</c> blocks of <paramref name="markdown"/>; indented fences (in list items) are dedented.</summary>
    public static IEnumerable<ReadmeSnippet> Parse(string file, string markdown)
    {
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var fence = lines[i].TrimStart();
            if (!fence.StartsWith("```csharp", StringComparison.Ordinal) && !fence.StartsWith("```cs", StringComparison.Ordinal))
                continue;
            var indent = lines[i].Length - fence.Length;
            var start = i + 1;
            var end = start;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
                end++;
            var code = lines[start..end].Select(l => l.Length >= indent && string.IsNullOrWhiteSpace(l[..indent]) ? l[indent..] : l.TrimStart());
            yield return new ReadmeSnippet(file, start + 1, string.Join('\n', code));
            i = end;
        }
    }

    private static List<ReadmeSnippet> Load()
        => Files().SelectMany(file => Parse(file, File.ReadAllText(Path.Combine(RepositoryRoot.Path, file)))).ToList();
}
