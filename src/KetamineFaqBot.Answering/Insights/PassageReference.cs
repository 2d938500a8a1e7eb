namespace KetamineFaqBot.Answering.Insights;

/// <summary>A passage id with its document title and section, when the live index still has it.</summary>
public sealed record PassageReference(string Id, string? Title, string? Section);
