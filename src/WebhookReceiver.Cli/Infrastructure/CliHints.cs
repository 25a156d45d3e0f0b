using System.Net.Http;

namespace WebhookReceiver.Cli.Infrastructure;

/// <summary>The next step to suggest, on stderr, when a receiver cannot be reached or refuses the signature.</summary>
internal static class CliHints
{
    /// <summary>Whether the request failed because nothing accepted the connection.</summary>
    public static bool IsUnreachable(HttpRequestException exception) => exception.HttpRequestError == HttpRequestError.ConnectionError;

    public static string Unreachable(string url)
        => $"hint: is the receiver running at {url}? Nothing accepted the connection.";

    public static string Unauthorized()
        => $"hint: 401 means the receiver refused the signature: check that --secret / {SchemeOptions.SecretVariable} matches the receiver's secret " +
           "for this endpoint, and --provider its scheme.";

    public static string UnauthorizedAsCaptured()
        => "hint: replayed as captured, a 401 means the receiver refused the signature or its timestamp (outside the tolerance), " +
           "as replay protection should; --resign signs them afresh with --secret.";
}
