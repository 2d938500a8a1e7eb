using KetamineFaqBot.Core.Corpus;

namespace KetamineFaqBot.Core.Retrieval;

/// <summary>
/// Something built into every index version beside the Lucene files (passage vectors, the route classifier, the
/// confidence gate's model), so a corpus or exemplar change goes live, swaps and rolls back as one version.
/// </summary>
public interface IIndexExtension
{
    /// <summary>Folder name inside the version folder, and the key in the manifest.</summary>
    string Name { get; }

    /// <summary>Hash of the extension's own inputs (exemplars, model id); a change means a new version.</summary>
    string InputHash { get; }

    /// <summary>Writes the extension's files into <see cref="IndexExtensionBuild.Folder"/> (created by the caller).</summary>
    /// <exception cref="InvalidDataException">The inputs cannot be built (e.g. an exemplar file that does not parse).</exception>
    IndexExtensionReport Build(IndexExtensionBuild build, CancellationToken cancellationToken = default);

    /// <summary>Loads what <see cref="Build"/> wrote; the result is served with the version.</summary>
    /// <exception cref="InvalidDataException">A file is missing or corrupt: the version must be rejected.</exception>
    object Load(string folder, IReadOnlyList<Passage> passages);
}

/// <summary>What an extension is built from.</summary>
/// <param name="Folder">The extension's folder inside the version being built.</param>
/// <param name="Passages">The version's passages, in corpus order.</param>
/// <param name="OpenVersion">
/// Opens the version as built so far (Lucene files, passages, and the extensions listed before this one) for searching,
/// so an extension can be fitted on the version's own searches; the builder disposes it after <see cref="IIndexExtension.Build"/>.
/// </param>
public sealed record IndexExtensionBuild(string Folder, IReadOnlyList<Passage> Passages, Func<IRetriever> OpenVersion);
