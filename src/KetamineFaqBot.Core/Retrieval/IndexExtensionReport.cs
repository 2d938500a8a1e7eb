namespace KetamineFaqBot.Core.Retrieval;

/// <summary>What an extension built into a version, recorded in its manifest.</summary>
/// <param name="Name">The extension's folder name.</param>
/// <param name="InputHash">Hash of its inputs at build time.</param>
/// <param name="Figures">Measured figures worth keeping with the version (per-route recall, thresholds), as text.</param>
public sealed record IndexExtensionReport(string Name, string InputHash, IReadOnlyDictionary<string, string> Figures);
