using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookReceiver.Generators.Tests;

/// <summary>Runs <see cref="WebhookHandlerGenerator"/> on a source snippet against the real WebhookReceiver and ASP.NET Core.</summary>
internal sealed record GeneratorRun(string Generated, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilationErrors)
{
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(WebhookHandlerAttribute).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();

    public static GeneratorRun Of(string source)
    {
        var compilation = CSharpCompilation.Create("Snippet",
            [CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Snippet.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new WebhookHandlerGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).SingleOrDefault() ?? "";
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        return new GeneratorRun(generated, diagnostics, errors);
    }
}
