using KetamineFaqBot.Answering.Generative;
using KetamineFaqBot.Answering.Tests.TestDoubles;

namespace KetamineFaqBot.Answering.Tests.Generative;

public sealed class PromptFileTests
{
    [Theory]
    [InlineData("answer.yaml", "question", "passages")]
    [InlineData("rewrite.yaml", "previous", "followup")]
    public void Load_RepositoryPrompt_IsValid(string file, string first, string second)
    {
        var config = PromptFile.Load(Path.Combine(RepositoryRoot.Path, "prompts", file), first, second);

        Assert.Equal(Path.GetFileNameWithoutExtension(file), config.Name);
        Assert.Equal("semantic-kernel", config.TemplateFormat);
        Assert.Contains(config.InputVariables, v => v.Name == first && v.IsRequired);
        Assert.Equal(0, Convert.ToDouble(config.DefaultExecutionSettings!.ExtensionData!["temperature"].ToString(), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Parse_TemplateWithoutRequiredVariable_Throws()
    {
        var yaml = "name: x\ntemplate: |\n  Answer {{$question}}\n";

        var ex = Assert.Throws<InvalidDataException>(() => PromptFile.Parse(new StringReader(yaml), "x.yaml", "question", "passages"));

        Assert.Contains("'passages'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidYaml_ThrowsWithLine()
    {
        var ex = Assert.Throws<InvalidDataException>(() => PromptFile.Parse(new StringReader("name: x\ntemplate: [unclosed\n"), "x.yaml"));

        Assert.Contains("x.yaml", ex.Message, StringComparison.Ordinal);
    }
}
