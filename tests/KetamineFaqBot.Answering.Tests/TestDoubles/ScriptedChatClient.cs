using Microsoft.Extensions.AI;

namespace KetamineFaqBot.Answering.Tests.TestDoubles;

/// <summary>An <see cref="IChatClient"/> that replies with scripted text (or throws), recording what it was sent.</summary>
internal sealed class ScriptedChatClient(Func<IReadOnlyList<ChatMessage>, CancellationToken, Task<string>> reply) : IChatClient
{
    public ScriptedChatClient(string text)
        : this((_, _) => Task.FromResult(text))
    {
    }

    public List<IReadOnlyList<ChatMessage>> Requests { get; } = [];

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var sent = messages.ToList();
        Requests.Add(sent);
        var text = await reply(sent, cancellationToken);
        return new ChatResponse(new ChatMessage(ChatRole.Assistant, text)) { ModelId = "scripted" };
    }

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException("The pipeline does not stream.");

    // Semantic Kernel asks for the metadata and throws when it is missing.
    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("scripted", null, "scripted")
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }
}
