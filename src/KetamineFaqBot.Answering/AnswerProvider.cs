namespace KetamineFaqBot.Answering;

/// <summary>Who writes answer text. <see cref="None"/> keeps answers extractive (the embedded default).</summary>
public enum AnswerProvider
{
    None,
    OpenAI,
    AzureOpenAI,
    Ollama,
    OpenAICompatible,
}
