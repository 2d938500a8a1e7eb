using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KetamineFaqBot.Bot.Protocol;

/// <summary>Reads one activity from a request body with a hard size cap: 413 over it, 400 for malformed JSON or no type.</summary>
public static class ActivityBodyReader
{
    public static async Task<(Activity? Activity, IResult? Error)> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > maxBytes)
        {
            return (null, TooLarge(maxBytes));
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return (null, TooLarge(maxBytes));
            }

            buffer.Write(chunk, 0, read);
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), ProtocolJson.Options);
        }
        catch (JsonException)
        {
            return (null, TypedResults.Problem("The body is not a valid activity JSON object.", statusCode: StatusCodes.Status400BadRequest, title: "Malformed activity"));
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            return (null, TypedResults.Problem("The activity has no type.", statusCode: StatusCodes.Status400BadRequest, title: "Missing activity type"));
        }

        return (activity, null);
    }

    private static ProblemHttpResult TooLarge(int maxBytes) =>
        TypedResults.Problem($"The activity is larger than {maxBytes} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Activity too large");
}
