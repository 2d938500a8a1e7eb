using KetamineFaqBot.Core.Retrieval;

namespace KetamineFaqBot.Bot.Knowledge;

/// <summary>What every index version the bot builds or serves must carry besides the Lucene files (the semantic layer).</summary>
public sealed record IndexExtensionSet(IReadOnlyList<IIndexExtension> Items);
