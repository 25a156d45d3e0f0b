using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace WebhookReceiver.Generators;

/// <summary>An equatable location (a <see cref="Location"/> holds a syntax tree and would defeat caching).</summary>
/// <param name="FilePath">The file.</param>
/// <param name="Span">The text span.</param>
/// <param name="LineSpan">The line span.</param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    /// <summary>Captures <paramref name="location"/>; null when it is not in source.</summary>
    public static LocationInfo? From(Location? location) =>
        location is null || !location.IsInSource ? null
            : new LocationInfo(location.SourceTree!.FilePath, location.SourceSpan, location.GetLineSpan().Span);

    /// <summary>Rebuilds the location.</summary>
    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
