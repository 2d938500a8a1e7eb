using System.IO.Compression;

namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>The zip Teams takes as an app: manifest.json, color.png and outline.png at its root.</summary>
public static class TeamsAppPackage
{
    public const string ManifestEntry = "manifest.json";
    public const string ColorEntry = "color.png";
    public const string OutlineEntry = "outline.png";

    /// <summary>Writes the package to <paramref name="path"/>, replacing a file already there.</summary>
    public static void Write(string path, string manifestJson, byte[] colorPng, byte[] outlinePng)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (Path.GetDirectoryName(Path.GetFullPath(path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        // Written beside the target and moved over it, so a failed run never leaves half a package to upload.
        var partial = path + ".partial";
        File.Delete(partial);
        using (var zip = ZipFile.Open(partial, ZipArchiveMode.Create))
        {
            Add(zip, ManifestEntry, System.Text.Encoding.UTF8.GetBytes(manifestJson));
            Add(zip, ColorEntry, colorPng);
            Add(zip, OutlineEntry, outlinePng);
        }

        File.Move(partial, path, overwrite: true);
    }

    private static void Add(ZipArchive zip, string name, byte[] content)
    {
        using var entry = zip.CreateEntry(name, CompressionLevel.Optimal).Open();
        entry.Write(content);
    }
}
