using System.Text;
using System.Text.Json;
using KetamineFaqBot.Core.Answering;

namespace KetamineFaqBot.Answering.Evaluation;

/// <summary>
/// The JSON shape of one answered turn, shared by <c>kfaq ask --json</c> and <c>kfaq eval --json</c>:
/// {"question","route","text","citations":[{"id","title","section","topic","source"}],"suggestions":[...],
/// "provenance":{"corpusVersion","passages":[...],"rules":[...]}}.
/// </summary>
public static class AnswerJson
{
    public static void Write(Utf8JsonWriter writer, string question, Answer answer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(answer);
        writer.WriteStartObject();
        writer.WriteString("question", question);
        writer.WriteString("route", answer.Route.ToWire());
        writer.WriteString("text", answer.Text);
        writer.WriteStartArray("citations");
        foreach (var citation in answer.Citations)
        {
            writer.WriteStartObject();
            writer.WriteNumber("position", citation.Position);
            writer.WriteString("id", citation.Id);
            writer.WriteString("title", citation.Title);
            writer.WriteString("section", citation.Section);
            writer.WriteString("topic", citation.Topic);
            writer.WriteString("source", citation.Source);
            writer.WriteString("passage", citation.PassageId);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("suggestions");
        foreach (var suggestion in answer.Suggestions)
        {
            writer.WriteStringValue(suggestion);
        }

        writer.WriteEndArray();
        writer.WriteStartObject("provenance");
        writer.WriteString("corpusVersion", answer.Provenance.CorpusVersion);
        WriteStrings(writer, "passages", answer.Provenance.Passages);
        WriteStrings(writer, "rules", answer.Provenance.Rules);
        writer.WriteString("composer", answer.Provenance.Composer);
        if (answer.Provenance.Routing is { } routing)
        {
            writer.WriteStartObject("classifier");
            writer.WriteString("layer", routing.Layer);
            writer.WriteBoolean("checkIn", routing.CheckIn);
            writer.WriteStartObject("scores");
            foreach (var (route, score) in routing.Scores)
            {
                writer.WriteNumber(route, Math.Round(score, 3));
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (answer.Provenance.Gate is { } gate)
        {
            writer.WriteStartObject("gate");
            writer.WriteString("layer", gate.Layer);
            writer.WriteNumber("topScore", Math.Round(gate.TopScore, 3));
            writer.WriteNumber("coverage", Math.Round(gate.Coverage, 3));
            if (gate.Cosine is { } cosine)
            {
                writer.WriteNumber("cosine", Math.Round(cosine, 3));
            }

            if (gate.Threshold is { } threshold)
            {
                writer.WriteNumber("threshold", Math.Round(threshold, 3));
            }

            if (gate.Probability is { } probability)
            {
                writer.WriteNumber("probability", Math.Round(probability, 3));
            }

            if (gate.ProbabilityThreshold is { } probabilityThreshold)
            {
                writer.WriteNumber("probabilityThreshold", Math.Round(probabilityThreshold, 4));
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
        writer.WriteBoolean("generated", answer.Generated);
        writer.WriteEndObject();
    }

    /// <summary>One answered turn as a single JSON line.</summary>
    public static string ToLine(string question, Answer answer) => Line(writer => Write(writer, question, answer));

    /// <summary>Runs <paramref name="write"/> on a compact writer and returns the JSON text.</summary>
    public static string Line(Action<Utf8JsonWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false }))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }
}
