using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookReceiver.Generators.Tests;

/// <summary>Runs <see cref="WebhookHandlerGenerator"/> on a source snippet against the real WebhookReceiver and ASP.NET Core.</summary>
internal sealed record GeneratorRun(string Generated, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<Diagnostic> CompilationErrors,
    ImmutableArray<Diagnostic> CompilationWarnings)
{
    private static readonly MetadataReference[] References =
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(WebhookHandlerAttribute).Assembly.Location)
            .Distinct()
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToArray();

    /// <summary>The parse options of a project that allows the generated interceptors (what build/WebhookReceiver.targets sets).</summary>
    public static readonly CSharpParseOptions Intercepting = new CSharpParseOptions(LanguageVersion.Latest)
        .WithFeatures([new("InterceptorsNamespaces", "Other.Namespace;WebhookReceiver.Generated")]);

    public static GeneratorRun Of(string source) => Of(source, new WebhookHandlerGenerator(), new CSharpParseOptions(LanguageVersion.Latest));

    /// <summary>Runs <see cref="DelegateHandlerGenerator"/>; by default in a project that allows its interceptors.</summary>
    public static GeneratorRun OfDelegates(string source, CSharpParseOptions? options = null) =>
        Of(source, new DelegateHandlerGenerator(), options ?? Intercepting);

    public static CSharpCompilation Compile(string source, CSharpParseOptions options) =>
        CSharpCompilation.Create("Snippet",
            [CSharpSyntaxTree.ParseText(source, options, path: "Snippet.cs")],
            References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    private static GeneratorRun Of(string source, IIncrementalGenerator generator, CSharpParseOptions options)
    {
        var compilation = Compile(source, options);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([generator.AsSourceGenerator()], parseOptions: options);
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var diagnostics);
        var generated = driver.GetRunResult().GeneratedTrees.Select(t => t.ToString()).SingleOrDefault() ?? "";
        var errors = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToImmutableArray();
        var warnings = output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Warning).ToImmutableArray();
        return new GeneratorRun(generated, diagnostics, errors, warnings);
    }
}
