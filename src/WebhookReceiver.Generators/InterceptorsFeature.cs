using System;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace WebhookReceiver.Generators;

/// <summary>Whether the compilation lets <c>WebhookReceiver.Generated</c> hold interceptors (the InterceptorsNamespaces MSBuild property).</summary>
internal static class InterceptorsFeature
{
    /// <summary>The namespace of the generated interceptors.</summary>
    public const string Namespace = "WebhookReceiver.Generated";

    private static readonly string[] Keys = ["InterceptorsNamespaces", "InterceptorsPreviewNamespaces"];

    private static readonly char[] Separators = [';', ','];

    /// <summary>
    /// True when <paramref name="options"/> allow interceptors in <see cref="Namespace"/>; without it the generated
    /// binding would not compile, so nothing is intercepted and the delegate overloads bind by reflection as before.
    /// </summary>
    public static bool IsEnabled(ParseOptions options)
    {
        foreach (var key in Keys)
        {
            if (options.Features.TryGetValue(key, out var value)
                && value.Split(Separators, StringSplitOptions.RemoveEmptyEntries).Any(static n => n.Trim() == Namespace))
                return true;
        }
        return false;
    }
}
