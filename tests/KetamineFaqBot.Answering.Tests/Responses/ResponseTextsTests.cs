using KetamineFaqBot.Answering.Responses;
using KetamineFaqBot.Answering.Tests.Guardrails;

namespace KetamineFaqBot.Answering.Tests.Responses;

public sealed class ResponseTextsTests : IDisposable
{
    private readonly string prompts = Path.Combine(Path.GetTempPath(), "kfaq-responses-" + Guid.NewGuid().ToString("N"));

    public ResponseTextsTests()
    {
        // A real copy of the reviewed texts, so each test can break or extend one file.
        var source = Path.Combine(RepositoryPaths.Prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale);
        var target = Path.Combine(prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale);
        Directory.CreateDirectory(target);
        foreach (var file in Directory.EnumerateFiles(source, "*.md"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(prompts, recursive: true);

    [Fact]
    public void Load_RealPrompts_EveryRequiredKeyPresent()
    {
        var texts = RealPrompts.Texts;

        foreach (var key in ResponseKeys.Required)
        {
            Assert.False(string.IsNullOrWhiteSpace(texts.Text(key)), key);
        }
    }

    [Fact]
    public void Load_RealPrompts_SafetyTextsCarryTheirResources()
    {
        var texts = RealPrompts.Texts;

        Assert.Contains("988", texts.Text(ResponseKeys.Crisis), StringComparison.Ordinal);
        Assert.Contains("911", texts.Text(ResponseKeys.Crisis), StringComparison.Ordinal);
        Assert.Contains("911", texts.Text(ResponseKeys.Emergency), StringComparison.Ordinal);
        Assert.Contains("1-800-662-4357", texts.Text(ResponseKeys.Refusal), StringComparison.Ordinal);
        Assert.Contains("988", texts.Text(ResponseKeys.CrisisResources), StringComparison.Ordinal);
        Assert.Contains("not medical advice", texts.Text(ResponseKeys.Footer), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("not a doctor", texts.Text(ResponseKeys.SmalltalkIdentity), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Load_RealPrompts_ReferralAndRefusalGiveNoDoses()
    {
        var pattern = new System.Text.RegularExpressions.Regex(@"\b\d+(\.\d+)?\s*(mg|ml|mcg)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase);

        Assert.DoesNotMatch(pattern, RealPrompts.Texts.Text(ResponseKeys.Referral));
        Assert.DoesNotMatch(pattern, RealPrompts.Texts.Text(ResponseKeys.Refusal));
    }

    [Fact]
    public void TooLong_Limit_FillsPlaceholder()
    {
        var text = RealPrompts.Texts.TooLong(1000);

        Assert.Contains("1000", text, StringComparison.Ordinal);
        Assert.DoesNotContain("{maxLength}", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Text_OtherLocale_UsesItsFileAndFallsBackPerKey()
    {
        var es = Path.Combine(prompts, ResponseTexts.FolderName, "es-US");
        Directory.CreateDirectory(es);
        File.WriteAllText(Path.Combine(es, "crisis.md"), "Llame o envíe un mensaje de texto al 988. En una emergencia, llame al 911.");

        var texts = ResponseTexts.Load(prompts);

        Assert.StartsWith("Llame", texts.Text(ResponseKeys.Crisis, "es-US"), StringComparison.Ordinal);
        Assert.Equal(texts.Text(ResponseKeys.Refusal), texts.Text(ResponseKeys.Refusal, "es-US"));
        Assert.Equal(texts.Text(ResponseKeys.Crisis), texts.Text(ResponseKeys.Crisis, "fr-FR"));
    }

    [Fact]
    public void Load_LocaleCrisisWithoutLifeline_ThrowsNamingFile()
    {
        var gb = Path.Combine(prompts, ResponseTexts.FolderName, "en-GB");
        Directory.CreateDirectory(gb);
        File.WriteAllText(Path.Combine(gb, "crisis.md"), "Please call your GP.");

        var ex = Assert.Throws<ResponseTextsException>(() => ResponseTexts.Load(prompts));

        Assert.Contains(Path.Combine("en-GB", "crisis.md"), ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_MissingRequiredKey_ThrowsNamingFile()
    {
        File.Delete(Path.Combine(prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale, "emergency.md"));

        var ex = Assert.Throws<ResponseTextsException>(() => ResponseTexts.Load(prompts));

        Assert.Contains("emergency.md", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("crisis.md", "Please call someone.", "988")]
    [InlineData("refusal.md", "I can't help with that.", "1-800-662-4357")]
    [InlineData("emergency.md", "Get help.", "911")]
    [InlineData("too_long.md", "Please shorten your message.", "{maxLength}")]
    [InlineData("citation.md", "Source: {source}", "{text}")]
    public void Load_SafetyFactRemoved_Throws(string file, string content, string fact)
    {
        File.WriteAllText(Path.Combine(prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale, file), content);

        var ex = Assert.Throws<ResponseTextsException>(() => ResponseTexts.Load(prompts));

        Assert.Contains(fact, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_EmptyFile_Throws()
    {
        File.WriteAllText(Path.Combine(prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale, "welcome.md"), "  \n");

        Assert.Throws<ResponseTextsException>(() => ResponseTexts.Load(prompts));
    }

    [Fact]
    public void Load_NoDefaultLocale_Throws()
    {
        Directory.Delete(Path.Combine(prompts, ResponseTexts.FolderName, ResponseTexts.DefaultLocale), recursive: true);
        Directory.CreateDirectory(Path.Combine(prompts, ResponseTexts.FolderName, "es-US"));

        Assert.Throws<ResponseTextsException>(() => ResponseTexts.Load(prompts));
    }
}
