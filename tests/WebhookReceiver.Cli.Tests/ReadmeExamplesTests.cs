using System.Text;
using System.Text.RegularExpressions;
using WebhookReceiver.Cli.Infrastructure;
using WebhookReceiver.Cli.Tests.Infrastructure;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Cli.Tests;

/// <summary>Every <c>webhook …</c> command shown in the READMEs parses: no option in the docs that the tool does not have.</summary>
public sealed partial class ReadmeExamplesTests
{
    public static TheoryData<string, string> Commands()
    {
        var data = new TheoryData<string, string>();
        foreach (var readme in (string[])["README.md", "src/WebhookReceiver.Cli/README.md"])
        {
            foreach (var command in WebhookCommands(File.ReadAllText(Path.Combine(RepositoryRoot.Path, readme))))
                data.Add(readme, command);
        }
        return data;
    }

    [Fact]
    public void Readmes_ShowTheToolsCommands()
    {
        var commands = Commands().Select(row => row.Data.Item2).ToArray();

        foreach (var name in (string[])["sign", "verify", "send", "listen", "replay"])
            Assert.Contains(commands, c => c.StartsWith("webhook " + name + " ", StringComparison.Ordinal));
        Assert.Contains(commands, c => c.Contains("--expect", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void ReadmeCommand_ParsesWithoutErrors(string readme, string command)
    {
        var console = new CliConsole(TextWriter.Null, TextWriter.Null, TimeProvider.System)
        {
            Environment = name => name == "WEBHOOK_SECRET" ? QuickstartServer.Secret : null,
        };

        var result = WebhookCli.Create(console).Parse(Split(command).Skip(1).ToArray());

        Assert.True(result.Errors.Count == 0, $"{readme}: {command}\n{string.Join('\n', result.Errors.Select(e => e.Message))}");
    }

    /// <summary>The <c>webhook</c> lines of the bash blocks, continuation lines joined, comments and redirections dropped.</summary>
    private static IEnumerable<string> WebhookCommands(string markdown)
    {
        foreach (Match block in BashBlock().Matches(markdown))
        {
            var joined = block.Groups[1].Value.Replace("\\\n", " ", StringComparison.Ordinal);
            foreach (var raw in joined.Split('\n'))
            {
                var line = raw.Trim();
                if (!line.StartsWith("webhook ", StringComparison.Ordinal))
                    continue;
                yield return TrailingComment().Replace(Redirection().Replace(line, ""), "").Trim();
            }
        }
    }

    /// <summary>Splits like a shell: quotes group, <c>$VARIABLES</c> become a placeholder value.</summary>
    private static List<string> Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c is '\'' or '"')
            {
                var end = line.IndexOf(c, i + 1);
                word.Append(line, i + 1, end - i - 1);
                i = end;
                inWord = true;
            }
            else if (char.IsWhiteSpace(c))
            {
                if (inWord)
                    words.Add(word.ToString());
                word.Clear();
                inWord = false;
            }
            else
            {
                word.Append(c);
                inWord = true;
            }
        }
        if (inWord)
            words.Add(word.ToString());
        return words.Select(w => Variable().Replace(w, "x")).ToList();
    }

    [GeneratedRegex(@"```bash\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex BashBlock();

    [GeneratedRegex(@"\s+>\s*\S+")]
    private static partial Regex Redirection();

    [GeneratedRegex(@"\s+#\s.*$")]
    private static partial Regex TrailingComment();

    [GeneratedRegex(@"\$\{?[A-Z_]+\}?")]
    private static partial Regex Variable();
}
