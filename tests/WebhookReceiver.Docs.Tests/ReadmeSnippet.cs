namespace WebhookReceiver.Docs.Tests;

/// <summary>One <c>```csharp</c> block of a README.</summary>
/// <param name="File">The README, relative to the repository root (e.g. <c>README.md</c>).</param>
/// <param name="Line">The line of the block's first code line (1-based).</param>
/// <param name="Code">The block's code, dedented.</param>
public sealed record ReadmeSnippet(string File, int Line, string Code)
{
    /// <summary>Gets the snippet's id, <c>{File}:{Line}</c>, as test cases name it.</summary>
    public string Id => $"{File}:{Line}";

    public override string ToString() => Id;
}
