using KetamineFaqBot.Storage.Redaction;

namespace KetamineFaqBot.Storage.Tests.Redaction;

public sealed class TextRedactorTests
{
    [Theory]
    [InlineData("write to me at Jane.Doe+kfaq@Example.co.uk please", "write to me at [email] please")]
    [InlineData("call 555-123-4567", "call [phone]")]
    [InlineData("call (555) 123 4567 after 5", "call [phone] after 5")]
    [InlineData("+1 555.123.4567", "[phone]")]
    [InlineData("my member id is 4481 2290 17", "my member id is [number]")]
    [InlineData("born 04/12/1987", "born [number]")]
    public void Redact_Identifiers_Replaced(string input, string expected)
    {
        Assert.Equal(expected, TextRedactor.Redact(input));
    }

    [Theory]
    [InlineData("is 988 free to call")]
    [InlineData("how many sessions over 2 weeks")]
    [InlineData("is a 56 mg dose normal")]
    [InlineData("what did the 2019 approval say")]
    public void Redact_ShortNumbersAndPlainQuestions_Unchanged(string input)
    {
        Assert.Equal(input, TextRedactor.Redact(input));
    }

    [Fact]
    public void Redact_NullOrEmpty_ReturnedAsIs()
    {
        Assert.Null(TextRedactor.Redact(null));
        Assert.Equal(string.Empty, TextRedactor.Redact(string.Empty));
    }
}
