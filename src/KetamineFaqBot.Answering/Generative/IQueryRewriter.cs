namespace KetamineFaqBot.Answering.Generative;

/// <summary>Optional model rewrite of a follow-up into a standalone query; null means "use the deterministic rewrite".</summary>
public interface IQueryRewriter
{
    Task<string?> RewriteAsync(string previousQuery, string followUp, CancellationToken cancellationToken = default);
}
