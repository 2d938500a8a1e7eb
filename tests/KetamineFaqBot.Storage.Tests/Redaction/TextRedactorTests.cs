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
    [InlineData("write to jane dot doe at example dot com", "write to [email]")]
    [InlineData("email jane.doe (at) example (dot) org please", "email [email] please")]
    [InlineData("reach me at jdoe at clinic.health", "reach me at [email]")]
    [InlineData("I live at 12 Oak Street, what clinic is near", "I live at [address], what clinic is near")]
    [InlineData("send it to 4500 North Lake Shore Dr, Apt 4B thanks", "send it to [address] thanks")]
    [InlineData("i live at 12 oak street near the park. is there a clinic", "i live at [address]. is there a clinic")]
    [InlineData("my name is jane doe and I want to know the cost", "my name is [name] and I want to know the cost")]
    [InlineData("Hi, I'm Jane Doe. Does insurance cover it", "Hi, I'm [name]. Does insurance cover it")]
    [InlineData("I am Robert, is it safe", "I am [name], is it safe")]
    [InlineData("you can call me Bob", "you can call me [name]")]
    public void Redact_Identifiers_Replaced(string input, string expected)
    {
        Assert.Equal(expected, TextRedactor.Redact(input));
    }

    [Theory]
    [InlineData("is 988 free to call")]
    [InlineData("how many sessions over 2 weeks")]
    [InlineData("is a 56 mg dose normal")]
    [InlineData("what did the 2019 approval say")]
    [InlineData("I'm worried about side effects")]
    [InlineData("I am Taking sertraline, is that a problem")]
    [InlineData("I'm pregnant, can I have ketamine")]
    [InlineData("I'm at 2 weeks into treatment")]
    [InlineData("after 3 doses down the road will it work")]
    [InlineData("what do people look at during a session")]
    public void Redact_ShortNumbersAndPlainQuestions_Unchanged(string input)
    {
        Assert.Equal(input, TextRedactor.Redact(input));
    }

    [Theory]
    [InlineData("my name is jane doe, I live at 12 Oak Street, write to jane dot doe at example dot com or 555-123-4567")]
    [InlineData("I'm Jane. my name is [name] and I'm [name]")]
    public void Redact_Twice_SameAsOnce(string input)
    {
        var once = TextRedactor.Redact(input);
        Assert.Equal(once, TextRedactor.Redact(once));
        Assert.DoesNotContain("jane", once, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Redact_NullOrEmpty_ReturnedAsIs()
    {
        Assert.Null(TextRedactor.Redact(null));
        Assert.Equal(string.Empty, TextRedactor.Redact(string.Empty));
    }
}
