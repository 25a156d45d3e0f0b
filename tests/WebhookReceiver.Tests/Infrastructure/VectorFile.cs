using System.Text.Json;
using System.Text.Json.Serialization;

namespace WebhookReceiver.Tests.Infrastructure;

/// <summary>One case of a provider's published signature vectors (tests/Vectors/{provider}.json).</summary>
public sealed record VectorCase(
    string Name,
    string Provider,
    string Secret,
    string Method,
    string? Url,
    Dictionary<string, string> Headers,
    string Body,
    long? Now,
    bool Valid,
    string? Source)
{
    public override string ToString() => Name;
}

public static class VectorFile
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static IReadOnlyList<VectorCase> Load(string provider)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Vectors", provider + ".json");
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<VectorFileContent>(stream, Options)!.Cases;
    }

    public static TheoryData<VectorCase> Theory(string provider)
    {
        var data = new TheoryData<VectorCase>();
        foreach (var c in Load(provider))
            data.Add(c);
        return data;
    }

    private sealed record VectorFileContent([property: JsonPropertyName("cases")] List<VectorCase> Cases);
}
