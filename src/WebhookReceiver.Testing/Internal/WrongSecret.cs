namespace WebhookReceiver.Testing.Internal;

/// <summary>Derives a different secret of the same shape (prefix, alphabet, length) from a real one.</summary>
internal static class WrongSecret
{
    public static string From(string secret)
    {
        var prefix = secret.IndexOf('_', StringComparison.Ordinal) + 1;
        var chars = secret.ToCharArray();
        var length = chars.Length - prefix;
        // Start in the middle: it is fully significant in base64, hex and plain secrets alike (the end may be padding).
        for (var k = 0; k < length; k++)
        {
            var at = prefix + (length / 2 + k) % length;
            if (Next(chars[at]) is { } replacement)
            {
                chars[at] = replacement;
                return new string(chars);
            }
        }
        return secret + "0";
    }

    // Stays inside the character's class, and inside hex digits for hex digits.
    private static char? Next(char c) => c switch
    {
        '9' => '0',
        'f' => 'a',
        'F' => 'A',
        'z' => 'g',
        'Z' => 'G',
        >= '0' and < '9' or >= 'a' and < 'z' or >= 'A' and < 'Z' => (char)(c + 1),
        _ => null,
    };
}
