using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using WebhookReceiver.Tests.Infrastructure;

namespace WebhookReceiver.Tests.Providers;

/// <summary>
/// Holds every built-in provider to the house rules: its own folder with Defaults, Options, Scheme and
/// BuilderExtensions; a provider id constant; options that refuse a missing secret; a signer the verifier accepts;
/// a registration extension; fresh signing key material its own scheme verifies; a conformance test class; a README row. The CLI and the Testing package take their
/// provider list from <see cref="WebhookProviders.All"/>, and their own tests walk it the same way.
/// </summary>
public sealed class ProviderConventionTests
{
    private static readonly Assembly Library = typeof(WebhookScheme).Assembly;

    public static TheoryData<string> ProviderIds => new(WebhookProviders.All.Select(p => p.Id));

    [Fact]
    public void Catalog_ProviderIds_AreUniqueLowercase()
    {
        var ids = WebhookProviders.All.Select(p => p.Id).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(ids, id => Assert.Matches("^[a-z][a-z0-9-]*$", id));
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_HasDefaultsTypeWithItsId(string id)
    {
        var defaults = DefaultsType(id);
        Assert.True(defaults.IsAbstract && defaults.IsSealed, $"{defaults.Name} must be a static class");
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_HasFolderWithTheFourFiles(string id)
    {
        var prefix = Prefix(id);
        var folder = Path.Combine(RepositoryRoot.Path, "src", "WebhookReceiver", "Providers", prefix);
        foreach (var file in new[] { "Defaults", "Options", "Scheme", "BuilderExtensions" })
            Assert.True(File.Exists(Path.Combine(folder, prefix + file + ".cs")), $"missing Providers/{prefix}/{prefix}{file}.cs");
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_OptionsAreSealedAndRefuseMissingSecret(string id)
    {
        var provider = WebhookProviders.Find(id)!;
        Assert.True(provider.OptionsType.IsSealed, $"{provider.OptionsType.Name} must be sealed");
        var errors = new List<string>();
        provider.CreateOptions().Validate(errors);
        Assert.NotEmpty(errors);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_HasRegistrationExtensionOnWebhookBuilder(string id)
    {
        var prefix = Prefix(id);
        var extensions = Library.GetType($"Microsoft.Extensions.DependencyInjection.{prefix}BuilderExtensions");
        Assert.NotNull(extensions);
        var methods = extensions!.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.Name.StartsWith("Add", StringComparison.Ordinal) && m.ReturnType == typeof(WebhookBuilder))
            .ToList();
        Assert.Contains(methods, m => m.GetParameters() is [{ ParameterType: var b }, { ParameterType: var n }] && b == typeof(WebhookBuilder) && n == typeof(string));
        Assert.Contains(methods, m => m.GetParameters().Length == 1);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_RegistrationWithoutSecret_FailsStartupNamingTheScheme(string id)
    {
        var services = new ServiceCollection();
        services.AddWebhooks().AddScheme("unconfigured-" + id, WebhookProviders.Find(id)!);
        using var provider = services.BuildServiceProvider();
        var monitor = typeof(Microsoft.Extensions.Options.IOptionsMonitor<>).MakeGenericType(WebhookProviders.Find(id)!.OptionsType);
        var get = monitor.GetMethod("Get")!;
        var error = Assert.Throws<TargetInvocationException>(() => get.Invoke(provider.GetRequiredService(monitor), ["unconfigured-" + id]));
        Assert.Contains("unconfigured-" + id, error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_SignsWithFreshKeyMaterial_WhatItsSchemeVerifies(string id)
    {
        var provider = WebhookProviders.Find(id)!;
        var scheme = ProviderTestSecrets.CreateScheme(provider, provider.CreateSigningSecret());
        var now = WebhookTestHost.Start;

        var signed = scheme.Sign(new WebhookSigningRequest
        {
            Body = System.Text.Encoding.UTF8.GetBytes(ProviderTestSecrets.GenericBody(provider)),
            Timestamp = now,
            Url = "https://example.test/webhooks/" + id,
            EventType = "test.event",
        });
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary();
        foreach (var (name, value) in signed.Headers)
            headers[name] = value;
        var result = scheme.Verify(new WebhookRequest(signed.Method, signed.Url, headers, signed.Body), now);

        Assert.True(result.Succeeded, $"{id}: {result}");
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_HasConformanceTestClass(string id)
    {
        var classes = typeof(ProviderConventionTests).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(ProviderConformanceTests).IsAssignableFrom(t))
            .Select(t => (ProviderConformanceTests)Activator.CreateInstance(t)!)
            .Where(t => t.Provider.Id == id);
        Assert.NotEmpty(classes);
    }

    [Theory]
    [MemberData(nameof(ProviderIds))]
    public void Provider_HasReadmeRow(string id)
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        Assert.Contains($"| `{id}` |", readme, StringComparison.Ordinal);
    }

    private static Type DefaultsType(string id)
    {
        var match = Library.GetExportedTypes().SingleOrDefault(t => t.Name.EndsWith("Defaults", StringComparison.Ordinal)
            && t.GetField("ProviderId", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } f && (string?)f.GetRawConstantValue() == id);
        Assert.True(match is not null, $"no public static *Defaults class with const ProviderId = \"{id}\"");
        return match!;
    }

    private static string Prefix(string id)
    {
        var name = DefaultsType(id).Name;
        return name[..^"Defaults".Length];
    }
}
