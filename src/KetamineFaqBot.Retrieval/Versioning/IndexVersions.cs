using System.Text.Json;

namespace KetamineFaqBot.Retrieval.Versioning;

/// <summary>
/// The versions under an index root and its <c>current</c> pointer: list, read, and roll back.
/// </summary>
public sealed class IndexVersions
{
    public IndexVersions(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
    }

    public string Root { get; }

    /// <summary>All complete-looking version folders, newest first.</summary>
    public IReadOnlyList<IndexVersionInfo> List()
    {
        var versionsPath = IndexLayout.VersionsPath(Root);
        if (!Directory.Exists(versionsPath))
        {
            return [];
        }

        var current = ReadCurrent();
        var found = new List<IndexVersionInfo>();
        foreach (var path in Directory.EnumerateDirectories(versionsPath))
        {
            var name = Path.GetFileName(path);
            if (!IndexLayout.IsVersionName(name))
            {
                continue;
            }

            IndexManifest? manifest = null;
            string? error = null;
            try
            {
                manifest = ReadManifestFile(name, path);
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException or UnauthorizedAccessException or IndexNotFoundException)
            {
                error = ex.Message;
            }

            found.Add(new IndexVersionInfo(name, path, string.Equals(name, current, StringComparison.Ordinal), manifest, error));
        }

        // Names share a one-second resolution, so order by the manifest's full build time first.
        return [.. found
            .OrderByDescending(v => v.Manifest?.BuiltAtUtc ?? DateTimeOffset.MinValue)
            .ThenByDescending(v => v.Name, StringComparer.Ordinal)];
    }

    /// <summary>The version named by the <c>current</c> pointer, or null when there is none yet.</summary>
    public string? ReadCurrent()
    {
        var pointer = IndexLayout.CurrentPath(Root);
        if (!File.Exists(pointer))
        {
            return null;
        }

        var name = File.ReadAllText(pointer).Trim();
        return name.Length == 0 ? null : name;
    }

    /// <summary>The version named by <c>current</c>; throws <see cref="IndexNotFoundException"/> when there is no usable pointer.</summary>
    public string GetCurrent()
    {
        if (!Directory.Exists(Root))
        {
            throw new IndexNotFoundException($"Index folder '{Root}' does not exist. Build the index first (kfaq index).");
        }

        var name = ReadCurrent()
            ?? throw new IndexNotFoundException($"Index folder '{Root}' has no '{IndexLayout.CurrentFile}' pointer. Build the index first (kfaq index).");
        if (!IndexLayout.IsVersionName(name))
        {
            throw new IndexNotFoundException($"The '{IndexLayout.CurrentFile}' pointer in '{Root}' holds '{name}', which is not a version name.");
        }

        if (!Directory.Exists(GetVersionPath(name)))
        {
            throw new IndexNotFoundException($"The '{IndexLayout.CurrentFile}' pointer in '{Root}' names version '{name}', but that folder does not exist.");
        }

        return name;
    }

    /// <summary>Absolute folder of a version (which may not exist).</summary>
    public string GetVersionPath(string version)
    {
        ThrowIfNotVersionName(version);
        return IndexLayout.VersionPath(Root, version);
    }

    /// <summary>Reads a version's manifest; throws <see cref="IndexNotFoundException"/> or <see cref="InvalidDataException"/>.</summary>
    public IndexManifest ReadManifest(string version) => ReadManifestFile(version, GetVersionPath(version));

    /// <summary>Points <c>current</c> at an existing version (rollback). The switch is atomic for readers.</summary>
    public void SetCurrent(string version)
    {
        // Validates the name (no path tricks) and that the version is complete enough to serve.
        _ = ReadManifest(version);
        WriteCurrent(Root, version);
    }

    internal static void WriteCurrent(string root, string version)
    {
        // A reader must see the old name or the new one, never a half-written file: write aside, then rename over.
        var pointer = IndexLayout.CurrentPath(root);
        var temp = pointer + ".tmp-" + Guid.NewGuid().ToString("N");
        File.WriteAllText(temp, version);
        try
        {
            File.Move(temp, pointer, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    internal static IndexManifest ReadManifestFile(string version, string versionPath)
    {
        var file = Path.Combine(versionPath, IndexLayout.ManifestFile);
        if (!Directory.Exists(versionPath))
        {
            throw new IndexNotFoundException($"Index version '{version}' does not exist ({versionPath}).");
        }

        if (!File.Exists(file))
        {
            throw new InvalidDataException($"Index version '{version}' has no {IndexLayout.ManifestFile}; the build did not complete.");
        }

        IndexManifest? manifest;
        try
        {
            using var stream = File.OpenRead(file);
            manifest = JsonSerializer.Deserialize(stream, RetrievalJsonContext.Default.IndexManifest);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Index version '{version}' has an unreadable {IndexLayout.ManifestFile}: {ex.Message}", ex);
        }

        if (manifest is null || !string.Equals(manifest.Version, version, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"Index version '{version}' has a {IndexLayout.ManifestFile} that names another version.");
        }

        if (manifest.FormatVersion != IndexLayout.FormatVersion)
        {
            throw new InvalidDataException(
                $"Index version '{version}' has format {manifest.FormatVersion}; this build reads format {IndexLayout.FormatVersion}. Rebuild the index.");
        }

        return manifest;
    }

    private static void ThrowIfNotVersionName(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (!IndexLayout.IsVersionName(version))
        {
            throw new ArgumentException($"'{version}' is not an index version name (yyyyMMddHHmmss-hash8).", nameof(version));
        }
    }
}
