using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CsCheck;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace KetamineFaqBot.Bot.Tests.Protocol;

/// <summary>
/// The readers of what clients send (a Bot Framework or Direct Line activity, a Direct Line token request) over
/// generated bodies: anything at all ends in an activity or the documented 400/413, never an exception, and an
/// oversized body is not read much past the cap.
/// </summary>
public sealed partial class ActivityBodyReaderPropertyTests
{
    private const int MaxBytes = 4 * 1024;

    private static readonly string[] Fields =
    [
        "type", "text", "id", "timestamp", "localTimestamp", "from", "recipient", "conversation", "channelId", "serviceUrl",
        "locale", "attachments", "entities", "channelData", "value", "replyToId", "textFormat", "suggestedActions",
    ];

    private static readonly Gen<string> FieldNames = Gen.Int[0, Fields.Length - 1].Select(i => Fields[i]);

    private static readonly string[] Awkward = ["message", "2026-12-07T10:00:00Z", "not a date", "9999-99-99", "", " "];

    // A JSON value of any kind, nested a few levels.
    private static readonly Gen<JsonNode?> Values = Gen.Recursive<JsonNode?>((depth, inner) => depth >= 3
        ? Gen.OneOf(Scalars())
        : Gen.OneOf(
            Gen.OneOf(Scalars()),
            inner.Array[0, 4].Select(items => (JsonNode?)new JsonArray([.. items.Select(i => i?.DeepClone())])),
            Gen.Select(FieldNames, inner, (key, value) => (JsonNode?)new JsonObject { [key] = value?.DeepClone() })));

    // Activity-shaped objects: any of the activity's fields, each holding a value of any kind.
    private static readonly Gen<string> Activities = Gen.Select(FieldNames, Values).Array[0, 8].Select(pairs =>
    {
        var activity = new JsonObject();
        foreach (var (key, value) in pairs)
        {
            activity[key] = value?.DeepClone();
        }

        return activity.ToJsonString();
    });

    private static readonly Gen<byte[]> Bodies = Gen.OneOf(
        Gen.Byte.Array[0, 2_000],
        Gen.String.Select(s => Encoding.UTF8.GetBytes(s)),
        Activities.Select(s => Encoding.UTF8.GetBytes(s)),
        Activities.Select(s => Encoding.UTF8.GetBytes(s[..(s.Length / 2)])));

    private static Gen<JsonNode?>[] Scalars() =>
    [
        Gen.Bool.Select(_ => (JsonNode?)null),
        Gen.Bool.Select(b => (JsonNode?)JsonValue.Create(b)),
        Gen.Double.Select(d => (JsonNode?)(double.IsFinite(d) ? JsonValue.Create(d) : JsonValue.Create(0))),
        Gen.Long.Select(l => (JsonNode?)JsonValue.Create(l)),
        Gen.String[0, 40].Select(s => (JsonNode?)JsonValue.Create(s)),
        Gen.Int[0, Awkward.Length - 1].Select(i => (JsonNode?)JsonValue.Create(Awkward[i])),
    ];

    private static HttpRequest Request(byte[] body, bool declareLength, string contentType = "application/json")
    {
        var context = new DefaultHttpContext();
        context.Request.Body = new MemoryStream(body);
        context.Request.ContentType = contentType;
        if (declareLength)
        {
            context.Request.ContentLength = body.Length;
        }

        return context.Request;
    }

    [Fact]
    public async Task ReadAsync_AnyBody_AnActivityWithATypeOrTheDocumented400()
    {
        await Gen.Select(Bodies, Gen.Bool).SampleAsync(async sample =>
        {
            var (body, declareLength) = sample;
            var (activity, error) = await ActivityBodyReader.ReadAsync(Request(body, declareLength), MaxBytes);

            if (error is null)
            {
                Assert.False(string.IsNullOrWhiteSpace(activity!.Type));
            }
            else
            {
                Assert.Null(activity);
                Assert.Equal(body.Length > MaxBytes ? 413 : 400, Assert.IsType<ProblemHttpResult>(error).StatusCode);
            }
        }, iter: 3_000);
    }

    [Fact]
    public async Task ReadAsync_OversizedBodyOfUnknownLength_413WithoutReadingMuchPastTheCap()
    {
        await Gen.Int[MaxBytes + 1, MaxBytes * 50].SampleAsync(async length =>
        {
            var request = Request(new byte[length], declareLength: false);

            var (activity, error) = await ActivityBodyReader.ReadAsync(request, MaxBytes);

            Assert.Null(activity);
            Assert.Equal(413, Assert.IsType<ProblemHttpResult>(error).StatusCode);
            Assert.True(request.Body.Position <= MaxBytes + (16 * 1024), $"read {request.Body.Position} bytes of {length}");
        }, iter: 200);
    }

    [Fact]
    public async Task ReadTokenRequestAsync_AnyBody_NoneOrARequestAndAlwaysAValidUserId()
    {
        await Gen.Select(Bodies, Gen.Bool).SampleAsync(async sample =>
        {
            var (body, declareLength) = sample;
            var token = await DirectLineRequests.ReadTokenRequestAsync(Request(body, declareLength), CancellationToken.None);

            Assert.Matches(UserId(), DirectLineRequests.UserIdFrom(token));
        }, iter: 3_000);
    }

    [GeneratedRegex("^dl_[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex UserId();
}
