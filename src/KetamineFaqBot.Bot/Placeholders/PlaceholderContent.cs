using System.Text.Json;

namespace KetamineFaqBot.Bot.Placeholders;

/// <summary>Fixed texts of the placeholder pipeline, read from the embedded placeholder-responses.json.</summary>
internal sealed record PlaceholderContent(
    IReadOnlyDictionary<string, string> Texts,
    PlaceholderAnswerContent Answer,
    IReadOnlyList<string> CrisisWords)
{
    private static readonly Lazy<PlaceholderContent> Instance = new(Load);

    public static PlaceholderContent Current => Instance.Value;

    private static PlaceholderContent Load()
    {
        using var stream = typeof(PlaceholderContent).Assembly.GetManifestResourceStream("KetamineFaqBot.Bot.Placeholders.placeholder-responses.json")
            ?? throw new InvalidOperationException("placeholder-responses.json is not embedded.");
        return JsonSerializer.Deserialize<PlaceholderContent>(stream, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("placeholder-responses.json is empty.");
    }
}
