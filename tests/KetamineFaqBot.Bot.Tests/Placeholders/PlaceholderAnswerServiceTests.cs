using KetamineFaqBot.Bot.Placeholders;
using KetamineFaqBot.Core.Answering;
using Route = KetamineFaqBot.Core.Answering.Route;

namespace KetamineFaqBot.Bot.Tests.Placeholders;

public sealed class PlaceholderAnswerServiceTests
{
    private readonly PlaceholderAnswerService _service = new(new PlaceholderResponseTexts());

    [Fact]
    public async Task AnswerAsync_Question_ReturnsCitedAnswer()
    {
        var answer = await _service.AnswerAsync(new Turn("c", "u", "what is ketamine treatment?"));

        Assert.Equal(Route.Answer, answer.Route);
        Assert.Contains("[1]", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, Assert.Single(answer.Citations).Position);
        Assert.InRange(answer.Suggestions.Count, 1, 3);
    }

    [Fact]
    public async Task AnswerAsync_CrisisWording_ReturnsFixedCrisisText()
    {
        var answer = await _service.AnswerAsync(new Turn("c", "u", "I want to end my life"));

        Assert.Equal(Route.Crisis, answer.Route);
        Assert.Contains("988", answer.Text, StringComparison.Ordinal);
        Assert.Empty(answer.Citations);
    }

    [Theory]
    [InlineData("welcome")]
    [InlineData("apology")]
    [InlineData("too_long")]
    public void PlaceholderResponseTexts_KnownKeys_AreNotEmpty(string key) =>
        Assert.False(string.IsNullOrWhiteSpace(new PlaceholderResponseTexts().Text(key)));
}
