namespace KetamineFaqBot.Answering.Composers;

/// <summary>Writes an answer with a model. Returns null whenever the pipeline must fall back to an extractive answer.</summary>
public interface IGenerativeAnswerComposer
{
    Task<ComposedAnswer?> ComposeAsync(ComposeRequest request, CancellationToken cancellationToken = default);
}
