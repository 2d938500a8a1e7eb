using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Core.Retrieval;

/// <summary>
/// Something built into every index version beside the Lucene files (passage vectors, the route classifier), so a
/// corpus or exemplar change goes live, swaps and rolls back as one version.
/// </summary>
public interface IIndexExtension
{
    /// <summary>Folder name inside the version folder, and the key in the manifest.</summary>
    string Name { get; }

    /// <summary>Hash of the extension's own inputs (exemplars, model id); a change means a new version.</summary>
    string InputHash { get; }

    /// <summary>Writes the extension's files into <paramref name="folder"/> (created by the caller).</summary>
    /// <exception cref="InvalidDataException">The inputs cannot be built (e.g. an exemplar file that does not parse).</exception>
    IndexExtensionReport Build(string folder, IReadOnlyList<Passage> passages, CancellationToken cancellationToken = default);

    /// <summary>Loads what <see cref="Build"/> wrote; the result is served with the version.</summary>
    /// <exception cref="InvalidDataException">A file is missing or corrupt: the version must be rejected.</exception>
    object Load(string folder, IReadOnlyList<Passage> passages);
}
