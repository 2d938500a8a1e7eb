using KetamineFaqBot.Core.Answering;
using Microsoft.Extensions.DependencyInjection;

namespace KetamineFaqBot.Bot.Health;

/// <summary>Ready when the answer service and its fixed texts can be built.</summary>
public sealed class AnswerServiceReadinessCheck(IServiceScopeFactory scopeFactory) : IReadinessCheck
{
    public string Name => "answer-service";

    public Task<bool> IsReadyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var scope = scopeFactory.CreateScope();
            var ready = scope.ServiceProvider.GetService<IAnswerService>() is not null
                && scope.ServiceProvider.GetService<IResponseTexts>() is not null;
            return Task.FromResult(ready);
        }
        catch (InvalidOperationException)
        {
            return Task.FromResult(false);
        }
    }
}
