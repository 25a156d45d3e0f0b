using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace WebhookReceiver.Generators;

/// <summary>
/// Finds every <c>[WebhookHandler(scheme, eventType)]</c> class implementing <c>IWebhookHandler&lt;T&gt;</c> at compile time
/// and generates <c>AddGeneratedWebhookHandlers()</c> on the webhook builder, which registers each one with the trim- and
/// Native-AOT-safe <c>AddWebhookHandler&lt;THandler, T&gt;()</c>. Also reports WHR001–WHR005.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class WebhookHandlerGenerator : IIncrementalGenerator
{
    private const string HandlerAttribute = "WebhookReceiver.WebhookHandlerAttribute";
    private const string VerifyAttribute = "WebhookReceiver.VerifyWebhookAttribute";
    private const string FromBody = "Microsoft.AspNetCore.Mvc.FromBodyAttribute";
    private const string AnyEventType = "*";

    /// <summary>Registers the generator's pipeline.</summary>
    /// <param name="context">The generator's initialization context.</param>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var handlers = context.SyntaxProvider.ForAttributeWithMetadataName(
            HandlerAttribute,
            static (node, _) => node is ClassDeclarationSyntax,
            static (ctx, _) => Read((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes))
            .Collect();
        context.RegisterSourceOutput(handlers, static (spc, models) => Emit(spc, models));

        var fromBody = context.SyntaxProvider.ForAttributeWithMetadataName(
            VerifyAttribute,
            static (node, _) => node is MethodDeclarationSyntax or ClassDeclarationSyntax,
            static (ctx, _) => FindFromBody(ctx.TargetSymbol))
            .SelectMany(static (found, _) => found);
        context.RegisterSourceOutput(fromBody, static (spc, d) =>
            spc.ReportDiagnostic(Diagnostic.Create(WebhookGeneratorDiagnostics.FromBodyOnVerifiedAction,
                d.Location?.ToLocation(), d.Parameter, d.Method)));
    }

    private static WebhookHandlerModel Read(INamedTypeSymbol type, ImmutableArray<AttributeData> attributes)
    {
        var name = type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var events = string.Join("\r", attributes.Select(static a =>
        {
            var args = a.ConstructorArguments;
            var scheme = args.Length > 0 ? args[0].Value as string ?? "" : "";
            var eventType = args.Length > 1 ? args[1].Value as string ?? AnyEventType : AnyEventType;
            return scheme + "\n" + eventType;
        }));
        var location = LocationInfo.From(type.Locations.FirstOrDefault());
        var display = type.ToDisplayString();

        if (type.IsAbstract || type.IsStatic)
            return new WebhookHandlerModel(name, null, WebhookGeneratorDiagnostics.NotInstantiable.Id, type.IsStatic ? "static" : "abstract", events, location);
        if (IsOpenGeneric(type))
            return new WebhookHandlerModel(name, null, WebhookGeneratorDiagnostics.NotInstantiable.Id, "an open generic type", events, location);

        var payloads = type.AllInterfaces
            .Where(static i => i.IsGenericType && i.TypeArguments.Length == 1
                && i.ConstructedFrom.ToDisplayString() == "WebhookReceiver.IWebhookHandler<T>")
            .Select(static i => i.TypeArguments[0].ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))
            .Distinct()
            .ToArray();
        return payloads.Length switch
        {
            0 => new WebhookHandlerModel(name, null, WebhookGeneratorDiagnostics.NoHandlerInterface.Id, display, events, location),
            1 => new WebhookHandlerModel(name, payloads[0], null, null, events, location),
            _ => new WebhookHandlerModel(name, null, WebhookGeneratorDiagnostics.SeveralHandlerInterfaces.Id,
                payloads.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), events, location),
        };
    }

    private static bool IsOpenGeneric(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.TypeParameters.Length > 0)
                return true;
        }
        return false;
    }

    private static ImmutableArray<FromBodyUse> FindFromBody(ISymbol target)
    {
        var methods = target switch
        {
            IMethodSymbol m => [m],
            INamedTypeSymbol t => t.GetMembers().OfType<IMethodSymbol>()
                .Where(static m => m.MethodKind == MethodKind.Ordinary && m.DeclaredAccessibility == Accessibility.Public),
            _ => Enumerable.Empty<IMethodSymbol>(),
        };
        var found = ImmutableArray.CreateBuilder<FromBodyUse>();
        foreach (var method in methods)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.GetAttributes().Any(static a => a.AttributeClass?.ToDisplayString() == FromBody))
                    found.Add(new FromBodyUse(parameter.Name, method.Name, LocationInfo.From(parameter.Locations.FirstOrDefault())));
            }
        }
        return found.ToImmutable();
    }

    private static void Emit(SourceProductionContext context, ImmutableArray<WebhookHandlerModel> models)
    {
        var registered = new List<WebhookHandlerModel>();
        var owners = new Dictionary<(string Scheme, string Event), string>();
        foreach (var model in models.OrderBy(static m => m.TypeName, System.StringComparer.Ordinal))
        {
            var location = model.Location?.ToLocation();
            if (model.Problem is not null)
            {
                var descriptor = model.Problem switch
                {
                    "WHR001" => WebhookGeneratorDiagnostics.NoHandlerInterface,
                    "WHR002" => WebhookGeneratorDiagnostics.NotInstantiable,
                    _ => WebhookGeneratorDiagnostics.SeveralHandlerInterfaces,
                };
                var display = model.TypeName.Replace("global::", "");
                context.ReportDiagnostic(model.Problem == "WHR001"
                    ? Diagnostic.Create(descriptor, location, display)
                    : Diagnostic.Create(descriptor, location, display, model.ProblemArgument));
                continue;
            }
            foreach (var pair in model.Events.Split('\r'))
            {
                var parts = pair.Split('\n');
                var key = (parts[0], parts[1]);
                if (owners.TryGetValue(key, out var first))
                {
                    context.ReportDiagnostic(Diagnostic.Create(WebhookGeneratorDiagnostics.DuplicateHandler, location,
                        first.Replace("global::", ""), model.TypeName.Replace("global::", ""), parts[1], parts[0]));
                }
                else
                {
                    owners.Add(key, model.TypeName);
                }
            }
            registered.Add(model);
        }

        var source = new StringBuilder();
        source.AppendLine("// <auto-generated>WebhookReceiver.Generators: [WebhookHandler] classes of this assembly.</auto-generated>");
        source.AppendLine("#nullable enable");
        source.AppendLine("namespace Microsoft.Extensions.DependencyInjection");
        source.AppendLine("{");
        source.AppendLine("    /// <summary>Registers the [WebhookHandler] classes of this assembly, found at compile time.</summary>");
        source.AppendLine("    [global::System.CodeDom.Compiler.GeneratedCode(\"WebhookReceiver.Generators\", \"1.0\")]");
        source.AppendLine("    internal static class GeneratedWebhookHandlerBuilderExtensions");
        source.AppendLine("    {");
        source.AppendLine("        /// <summary>");
        source.AppendLine("        /// Registers every [WebhookHandler] class of this assembly with AddWebhookHandler&lt;THandler, T&gt;() (trim- and");
        source.AppendLine("        /// Native-AOT-safe, no reflection scan).");
        source.AppendLine("        /// </summary>");
        source.AppendLine("        /// <param name=\"builder\">The webhook builder.</param>");
        source.AppendLine("        /// <returns>The webhook builder.</returns>");
        source.AppendLine("        public static global::WebhookReceiver.WebhookBuilder AddGeneratedWebhookHandlers(this global::WebhookReceiver.WebhookBuilder builder)");
        source.AppendLine("        {");
        foreach (var model in registered)
        {
            source.Append("            global::Microsoft.Extensions.DependencyInjection.WebhookHandlerBuilderExtensions.AddWebhookHandler<")
                .Append(model.TypeName).Append(", ").Append(model.PayloadType).AppendLine(">(builder);");
        }
        source.AppendLine("            return builder;");
        source.AppendLine("        }");
        source.AppendLine("    }");
        source.AppendLine("}");
        context.AddSource("GeneratedWebhookHandlers.g.cs", source.ToString());
    }
}
