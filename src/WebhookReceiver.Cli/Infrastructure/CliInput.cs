using System.Text;
using Microsoft.AspNetCore.Http;
using WebhookReceiver.Testing;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>Turns validated arguments into the library's inputs; anything unusable is a <see cref="CliUsageException"/>.</summary>
internal static class CliInput
{
    public static WebhookProvider Provider(string id)
        => WebhookProviders.Find(id) ?? throw new CliUsageException($"Unknown provider '{id}'.");

    /// <summary>Builds the provider's scheme with the secret; malformed key material is an input error.</summary>
    public static WebhookScheme Scheme(WebhookProvider provider, string secret, IEnumerable<string>? settings = null)
    {
        try
        {
            return provider.CreateScheme(secret, settings?.Select(Setting));
        }
        catch (Exception e) when (e is FormatException or ArgumentException)
        {
            throw new CliUsageException(e.Message + (e is ArgumentException ? " Set them with --option Name=value." : ""));
        }
    }

    private static KeyValuePair<string, string?> Setting(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0)
            throw new CliUsageException($"--option '{pair}' is not 'Name=value'.");
        return new(pair[..equals].Trim(), pair[(equals + 1)..].Trim());
    }

    public static byte[] Body(string? text, FileInfo? file)
    {
        if (text is not null)
            return Encoding.UTF8.GetBytes(text);
        if (file is null)
            throw new CliUsageException("Give the body with --body or --body-file.");
        try
        {
            return File.ReadAllBytes(file.FullName);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"Cannot read --body-file '{file.FullName}': {e.Message}");
        }
    }

    /// <summary>Parses <c>Name: value</c> pairs; repeated names add values.</summary>
    public static HeaderDictionary Headers(IEnumerable<string> pairs)
    {
        var headers = new HeaderDictionary();
        foreach (var pair in pairs)
        {
            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
                throw new CliUsageException($"--header '{pair}' is not 'Name: value'.");
            var name = pair[..colon].Trim();
            var value = pair[(colon + 1)..].Trim();
            headers.Append(name, value);
        }
        return headers;
    }

    public static DateTimeOffset? UnixSeconds(long? seconds, string option)
    {
        if (seconds is not { } value)
            return null;
        if (value < 0 || value > DateTimeOffset.MaxValue.ToUnixTimeSeconds())
            throw new CliUsageException($"{option} {value} is not a Unix time in seconds.");
        return DateTimeOffset.FromUnixTimeSeconds(value);
    }

    public static bool IsHttpUrl(string value)
        => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";
}
