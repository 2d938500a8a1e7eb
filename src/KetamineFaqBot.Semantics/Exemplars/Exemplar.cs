using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Semantics.Exemplars;

/// <summary>One reviewed example message and the route it must take.</summary>
/// <param name="Route">The exact route.</param>
/// <param name="Text">The message.</param>
/// <param name="File">File it came from (for messages to content owners).</param>
/// <param name="Line">1-based line in that file.</param>
public sealed record Exemplar(Route Route, string Text, string File, int Line);
