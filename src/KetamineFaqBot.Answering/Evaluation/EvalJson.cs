using System.Text.Json;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>JSON lines of <c>kfaq eval --json</c>: one per case, then one summary line.</summary>
public static class EvalJson
{
    /// <summary>{"id","pass","failures":[...],"turns":[&lt;ask objects&gt;]}.</summary>
    public static string CaseLine(EvalCaseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        return AnswerJson.Line(writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("id", result.Case.Id);
            writer.WriteBoolean("pass", result.Pass);
            writer.WriteStartArray("failures");
            foreach (var failure in result.Failures)
            {
                writer.WriteStringValue(failure);
            }

            writer.WriteEndArray();
            writer.WriteStartArray("turns");
            foreach (var turn in result.Turns)
            {
                AnswerJson.Write(writer, turn.Question, turn.Answer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        });
    }

    /// <summary>{"summary":{"cases","passed","failed","passRate","answerCases","falseRefusals","falseRefusalRate","routes":{...}}}.</summary>
    public static string SummaryLine(EvalSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return AnswerJson.Line(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartObject("summary");
            writer.WriteNumber("cases", summary.Cases);
            writer.WriteNumber("passed", summary.Passed);
            writer.WriteNumber("failed", summary.Failed);
            writer.WriteNumber("passRate", Math.Round(summary.PassRate, 4));
            writer.WriteNumber("answerCases", summary.AnswerCases);
            writer.WriteNumber("falseRefusals", summary.FalseRefusals);
            writer.WriteNumber("falseRefusalRate", Math.Round(summary.FalseRefusalRate, 4));
            writer.WriteStartObject("routes");
            foreach (var route in summary.Routes)
            {
                writer.WriteStartObject(route.Route);
                writer.WriteNumber("cases", route.Cases);
                writer.WriteNumber("passed", route.Passed);
                writer.WriteNumber("passRate", Math.Round(route.PassRate, 4));
                writer.WriteNumber("routeCorrect", route.RouteCorrect);
                if (route.IsSafetyRoute)
                {
                    writer.WriteNumber("recall", Math.Round(route.Recall, 4));
                }

                writer.WriteEndObject();
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
    }
}
