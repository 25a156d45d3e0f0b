using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace WebhookReceiver.Docs.Tests;

/// <summary>
/// Compiles a README snippet as the Program.cs of a web application (Microsoft.NET.Sdk.Web's implicit usings, plus
/// <c>using WebhookReceiver;</c> as the quick start has it), beside the application types it uses (SnippetContext/*.cs:
/// IBilling, Invoice, ..., each one the snippet uses and does not declare itself) and the variables its surroundings hold
/// (<c>builder</c>, <c>app</c>, <c>verifier</c>, ...: declared before it when it uses one without declaring it). Every
/// using directive the snippet needs beyond those, it carries itself.
/// </summary>
public static partial class SnippetCompiler
{
    /// <summary>Microsoft.NET.Sdk.Web's implicit usings and the quick start's <c>using WebhookReceiver;</c>.</summary>
    public static readonly string[] ImplicitUsings =
    [
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Net.Http.Json", "System.Threading",
        "System.Threading.Tasks", "Microsoft.AspNetCore.Builder", "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Http",
        "Microsoft.AspNetCore.Routing", "Microsoft.Extensions.Configuration", "Microsoft.Extensions.DependencyInjection",
        "Microsoft.Extensions.Hosting", "Microsoft.Extensions.Logging", "WebhookReceiver",
    ];

    /// <summary>What a snippet's surroundings hold: the variable and its declaration.</summary>
    private static readonly (string Name, string Declaration)[] Surroundings =
    [
        ("builder", "var builder = WebApplication.CreateBuilder(args);"),
        ("app", "var app = WebApplication.Create(args);"),
        ("verifier", "IWebhookVerifier verifier = null!;"),
        ("headers", "IHeaderDictionary headers = new HeaderDictionary();"),
        ("bodyBytes", "byte[] bodyBytes = [];"),
        ("logger", "ILogger logger = null!;"),
        ("invoices", "IInvoices invoices = null!;"),
        ("factory", "global::Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> factory = new();"),
        ("secret", "string secret = \"whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw\";"),
    ];

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    private static readonly Lazy<MetadataReference[]> References = new(() =>
    {
        // The trusted platform assemblies: the shared frameworks and every package this project references.
        var self = Assembly.GetExecutingAssembly().Location;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(path => path.Length > 0 && !string.Equals(path, self, StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToArray();
    });

    private static readonly Lazy<(string Name, string Code)[]> Context = new(() =>
        Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "SnippetContext"), "*.cs")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileNameWithoutExtension(path), File.ReadAllText(path)))
            .ToArray());

    /// <summary>The errors of compiling <paramref name="snippet"/>, located in its README (file and line).</summary>
    public static IReadOnlyList<Diagnostic> Compile(ReadmeSnippet snippet)
    {
        ArgumentNullException.ThrowIfNull(snippet);
        var code = snippet.Code;
        var program = Program(snippet);
        var trees = new List<SyntaxTree>
        {
            CSharpSyntaxTree.ParseText(string.Concat(ImplicitUsings.Select(u => $"global using {u};\n")), ParseOptions, "GlobalUsings.g.cs"),
            CSharpSyntaxTree.ParseText(program, ParseOptions, snippet.File),
        };
        foreach (var (name, text) in ContextFor(code, program))
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions, $"SnippetContext/{name}.cs"));
        // A snippet of types alone (a controller) is a library; one with statements is a Program.cs.
        var statements = trees[1].GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.GlobalStatementSyntax>().Any();
        var compilation = CSharpCompilation.Create("ReadmeSnippet", trees, References.Value,
            new CSharpCompilationOptions(statements ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
    }

    // The application types the snippet uses and does not declare, and the ones those use in turn.
    private static List<(string Name, string Code)> ContextFor(string code, string program)
    {
        var used = new List<(string Name, string Code)>();
        var text = program;
        for (var added = true; added;)
        {
            added = false;
            foreach (var type in Context.Value)
            {
                if (used.Contains(type) || !Regex.IsMatch(text, $@"\b{type.Name}\b") || Regex.IsMatch(code, $@"\b(class|record|interface|struct)\s+{type.Name}\b"))
                    continue;
                used.Add(type);
                text += "\n" + type.Code;
                added = true;
            }
        }
        return used;
    }

    /// <summary>Formats errors as <c>README.md(52,9): error CS0103: ...</c>.</summary>
    public static string Describe(IEnumerable<Diagnostic> errors)
        => string.Join('\n', errors.Select(e =>
        {
            var span = e.Location.GetMappedLineSpan();
            return $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1}): error {e.Id}: {e.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}";
        }));

    // The snippet's own using directives first, then the declarations of the surroundings it uses, then the rest of it;
    // #line keeps every diagnostic at its README line.
    private static string Program(ReadmeSnippet snippet)
    {
        var lines = snippet.Code.Split('\n');
        var usings = lines.TakeWhile(l => UsingDirective().IsMatch(l) || string.IsNullOrWhiteSpace(l)).Count();
        var text = new StringBuilder();
        text.Append("#line ").Append(snippet.Line).Append(" \"").Append(snippet.File).Append("\"\n");
        foreach (var line in lines[..usings])
            text.Append(line).Append('\n');
        text.Append("#line hidden\n");
        foreach (var (name, declaration) in Surroundings)
        {
            if (Regex.IsMatch(snippet.Code, $@"\b{name}\b") && !Regex.IsMatch(snippet.Code, $@"\bvar\s+{name}\b"))
                text.Append(declaration).Append('\n');
        }
        text.Append("#line ").Append(snippet.Line + usings).Append(" \"").Append(snippet.File).Append("\"\n");
        foreach (var line in lines[usings..])
            text.Append(line).Append('\n');
        return text.ToString();
    }

    [GeneratedRegex(@"^using\s+[\w.]+\s*;")]
    private static partial Regex UsingDirective();
}
