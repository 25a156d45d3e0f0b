using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace WebhookReceiver.Generators.Tests;

// A test double run in-process by CompilationWithAnalyzers, never shipped or loaded by a compiler.
#pragma warning disable RS1041, RS1036, RS2008

/// <summary>
/// Reports IL2026/IL3050 where the ILLink analyzer does: at each call of a [RequiresUnreferencedCode] /
/// [RequiresDynamicCode] method, located at the invocation.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class TrimAnalyzerStandIn : DiagnosticAnalyzer
{
    private static readonly DiagnosticDescriptor UnreferencedCode = new("IL2026", "RUC", "Using member '{0}' which has 'RequiresUnreferencedCodeAttribute'", "Trimming", DiagnosticSeverity.Warning, true);
    private static readonly DiagnosticDescriptor DynamicCode = new("IL3050", "RDC", "Using member '{0}' which has 'RequiresDynamicCodeAttribute'", "AOT", DiagnosticSeverity.Warning, true);

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [UnreferencedCode, DynamicCode];

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterOperationAction(static ctx =>
        {
            var method = ((IInvocationOperation)ctx.Operation).TargetMethod;
            foreach (var attribute in method.GetAttributes())
            {
                var descriptor = attribute.AttributeClass?.Name switch
                {
                    "RequiresUnreferencedCodeAttribute" => UnreferencedCode,
                    "RequiresDynamicCodeAttribute" => DynamicCode,
                    _ => null,
                };
                if (descriptor is not null)
                    ctx.ReportDiagnostic(Diagnostic.Create(descriptor, ctx.Operation.Syntax.GetLocation(), method.Name));
            }
        }, OperationKind.Invocation);
    }
}
