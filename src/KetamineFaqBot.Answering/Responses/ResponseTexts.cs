using System.Text;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Responses;

/// <summary>
/// Fixed, reviewed reply texts loaded once from prompts/responses/{locale}/{key}.md. en-US is the default and
/// the fallback for any key or locale another folder does not provide.
/// </summary>
public sealed class ResponseTexts : IResponseTexts
{
    public const string DefaultLocale = "en-US";
    public const string FolderName = "responses";

    // SAFETY: the safety texts must carry these facts; a reviewer's edit that drops one stops the bot at start-up.
    private static readonly (string Key, string[] MustContain)[] SafetyContent =
    [
        (ResponseKeys.Crisis, ["988", "911"]),
        (ResponseKeys.CrisisResources, ["988", "911"]),
        (ResponseKeys.Emergency, ["911"]),
        (ResponseKeys.Refusal, ["1-800-662-4357"]),
        (ResponseKeys.Welcome, ["988", "911"]),

        // A crisis the rules miss most often lands on out_of_scope (no domain words) or no_answer.
        (ResponseKeys.OutOfScope, ["988", "911"]),
        (ResponseKeys.NoAnswer, ["988", "911"]),
        (ResponseKeys.TooLong, [ResponseKeys.MaxLengthPlaceholder]),

        // An opened citation must show the passage itself, not only where it comes from.
        (ResponseKeys.Citation, [ResponseKeys.CitationTextPlaceholder]),
    ];

    private readonly Dictionary<string, Dictionary<string, string>> byLocale;

    private ResponseTexts(Dictionary<string, Dictionary<string, string>> byLocale) => this.byLocale = byLocale;

    /// <summary>Locales found, default first.</summary>
    public IReadOnlyList<string> Locales => [.. byLocale.Keys.OrderBy(l => l == DefaultLocale ? 0 : 1).ThenBy(l => l, StringComparer.Ordinal)];

    /// <summary>Loads and validates every locale folder under prompts/responses.</summary>
    public static ResponseTexts Load(string promptsFolder)
    {
        ArgumentNullException.ThrowIfNull(promptsFolder);
        var root = Path.Combine(promptsFolder, FolderName);
        var defaultFolder = Path.Combine(root, DefaultLocale);
        if (!Directory.Exists(defaultFolder))
        {
            throw new ResponseTextsException(defaultFolder, "the default locale folder does not exist.");
        }

        var byLocale = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var locale = Path.GetFileName(folder);
            var texts = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var file in Directory.EnumerateFiles(folder, "*.md"))
            {
                var text = File.ReadAllText(file, Encoding.UTF8).Trim();
                if (text.Length == 0)
                {
                    throw new ResponseTextsException(file, "the file is empty.");
                }

                texts[Path.GetFileNameWithoutExtension(file)] = text;
            }

            byLocale[locale] = texts;
        }

        var defaults = byLocale[DefaultLocale];
        foreach (var key in ResponseKeys.Required)
        {
            if (!defaults.ContainsKey(key))
            {
                throw new ResponseTextsException(Path.Combine(defaultFolder, key + ".md"), "a required response is missing.");
            }
        }

        foreach (var (locale, texts) in byLocale)
        {
            foreach (var (key, mustContain) in SafetyContent)
            {
                if (!texts.TryGetValue(key, out var text))
                {
                    continue;
                }

                foreach (var fact in mustContain.Where(f => !text.Contains(f, StringComparison.Ordinal)))
                {
                    throw new ResponseTextsException(Path.Combine(root, locale, key + ".md"), $"must contain \"{fact}\".");
                }
            }
        }

        return new ResponseTexts(byLocale);
    }

    public string Text(string key, string locale = DefaultLocale)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (locale is not null && byLocale.TryGetValue(locale, out var texts) && texts.TryGetValue(key, out var text))
        {
            return text;
        }

        // "en-GB" falls back to a plain "en" folder before the default.
        var dash = locale?.IndexOf('-', StringComparison.Ordinal) ?? -1;
        if (dash > 0 && byLocale.TryGetValue(locale![..dash], out var language) && language.TryGetValue(key, out var languageText))
        {
            return languageText;
        }

        return byLocale[DefaultLocale].TryGetValue(key, out var fallback)
            ? fallback
            : throw new KeyNotFoundException($"No response text '{key}'.");
    }

    /// <summary>The too_long text with the limit filled in.</summary>
    public string TooLong(int maxLength, string locale = DefaultLocale) =>
        Text(ResponseKeys.TooLong, locale).Replace(ResponseKeys.MaxLengthPlaceholder, maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>True when every key is available (directly or through fallback).</summary>
    public bool Has(string key) => byLocale[DefaultLocale].ContainsKey(key);
}
