using KetamineFaqBot.Bot.Admin;
using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Extensions;
using KetamineFaqBot.Bot.Health;
using KetamineFaqBot.Bot.Hosting;
using KetamineFaqBot.Bot.Telemetry;
using KetamineFaqBot.Bot.WebChat;

var builder = WebApplication.CreateBuilder(args);
builder.AddAppFolderSettings();
builder.AddSafeLogging();
builder.AddBotHost();
builder.AddBotStorage();
builder.AddAnswerPipeline();
builder.AddDirectLine();
builder.AddBotFramework();
builder.AddAdmin();
builder.AddSecurityHeaders();
builder.AddTelemetry();

var app = builder.Build();

// A setting that does not validate stops the bot with one line naming it, before anything starts.
if (StartupCheck.InvalidSettingsExit(app.Services, Console.Error) is { } refused)
{
    app.Services.GetService<KetamineFaqBot.Bot.Knowledge.SentenceModelPreload>()?.WaitQuietly();
    return refused;
}

app.UseSecurityHeaders();
app.UseBotHost();
app.MapWebChat();
app.MapHealth();
app.MapDirectLine();
app.MapBotFramework();
app.MapAdmin();
app.MapMetrics();
app.AnnounceWebChatUrl();
app.Run();
return StartupCheck.Ok;

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
