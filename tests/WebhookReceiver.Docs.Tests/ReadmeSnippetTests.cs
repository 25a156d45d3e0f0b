namespace WebhookReceiver.Docs.Tests;

/// <summary>
/// Every <c>```csharp</c> block of README.md and of the package READMEs compiles as pasted (see
/// <see cref="SnippetCompiler"/> for what a snippet may take from its surroundings), so the docs cannot drift from the API.
/// </summary>
public sealed class ReadmeSnippetTests
{
    public static TheoryData<string> Snippets => ReadmeSnippets.Ids;

    [Theory]
    [MemberData(nameof(Snippets))]
    public void Snippet_AsPasted_Compiles(string id)
    {
        var errors = SnippetCompiler.Compile(ReadmeSnippets.Find(id));

        Assert.True(errors.Count == 0, $"{id} does not compile:\n{SnippetCompiler.Describe(errors)}");
    }

    [Fact]
    public void Readmes_HaveTheirSnippets()
    {
        // A parser that finds nothing would pass every case above: hold it to the blocks the READMEs have.
        var byFile = ReadmeSnippets.All.GroupBy(s => s.File).ToDictionary(g => g.Key, g => g.Count());

        Assert.True(byFile.GetValueOrDefault("README.md") >= 10, $"README.md: {byFile.GetValueOrDefault("README.md")} csharp blocks");
        Assert.Equal(1, byFile.GetValueOrDefault("src/WebhookReceiver/README.md"));
        Assert.Equal(1, byFile.GetValueOrDefault("src/WebhookReceiver.Testing/README.md"));
        Assert.Equal(2, byFile.GetValueOrDefault("src/WebhookReceiver.StackExchangeRedis/README.md"));
    }

    [Fact]
    public void Compile_TopLevelStatementsAfterAClass_FailsWithCS8803AtTheReadmeLine()
    {
        // The handler-class snippet as it was (issue 13): pasted in order, it does not compile.
        var snippet = new ReadmeSnippet("README.md", 100, """
            [WebhookHandler("stripe", "invoice.paid")]
            sealed class InvoicePaid(IBilling billing) : IWebhookHandler<Invoice>
            {
                public Task HandleAsync(Webhook<Invoice> hook, CancellationToken ct) => billing.MarkPaidAsync(hook.Payload, ct);
            }

            builder.Services.AddWebhooks().AddStripe("stripe");
            """);

        var errors = SnippetCompiler.Compile(snippet);

        var error = Assert.Single(errors, e => e.Id == "CS8803");
        Assert.Equal(("README.md", 106), (error.Location.GetMappedLineSpan().Path, error.Location.GetMappedLineSpan().StartLinePosition.Line + 1));
    }

    [Fact]
    public void Compile_UnknownMember_Fails()
    {
        var errors = SnippetCompiler.Compile(new ReadmeSnippet("README.md", 1, "app.MapWebhookk(\"/x\", \"stripe\");"));

        Assert.Contains(errors, e => e.Id == "CS1061");
    }
}
