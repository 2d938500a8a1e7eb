using System.Globalization;
using System.Text.RegularExpressions;

namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>Names of the files and folders under the index root.</summary>
internal static partial class IndexLayout
{
    public const string VersionsFolder = "versions";
    public const string CurrentFile = "current";
    public const string LuceneFolder = "index";
    public const string PassagesFile = "passages.json";
    public const string ManifestFile = "manifest.json";
    public const string PartialSuffix = ".partial";
    public const int FormatVersion = 1;

    public static string VersionsPath(string root) => Path.Combine(root, VersionsFolder);

    public static string CurrentPath(string root) => Path.Combine(root, CurrentFile);

    public static string VersionPath(string root, string version) => Path.Combine(root, VersionsFolder, version);

    /// <summary>Only names of this shape are versions; anything else in the folder (partial builds, stray files) is ignored.</summary>
    public static bool IsVersionName(string name) => VersionNameRegex().IsMatch(name);

    public static string VersionName(DateTimeOffset builtAtUtc, string contentHash) =>
        builtAtUtc.UtcDateTime.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + "-" + Hash8(contentHash);

    private static string Hash8(string contentHash)
    {
        var hex = contentHash.Trim().ToLowerInvariant();
        if (hex.Length >= 8 && hex[..8].All(char.IsAsciiHexDigitLower))
        {
            return hex[..8];
        }

        // Not a hex digest (hand-made snapshots): derive one so the folder name keeps its shape.
        var digest = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(contentHash));
        return Convert.ToHexStringLower(digest)[..8];
    }

    [GeneratedRegex("^[0-9]{14}-[0-9a-f]{8}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionNameRegex();
}
