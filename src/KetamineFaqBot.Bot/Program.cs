using KetamineFaqBot.Bot.Admin;
using KetamineFaqBot.Bot.BotFramework;
using KetamineFaqBot.Bot.DirectLine;
using KetamineFaqBot.Bot.Extensions;
using KetamineFaqBot.Bot.Health;
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

var app = builder.Build();
app.UseSecurityHeaders();
app.UseBotHost();
app.MapWebChat();
app.MapHealth();
app.MapDirectLine();
app.MapBotFramework();
app.MapAdmin();
app.AnnounceWebChatUrl();
app.Run();

/// <summary>Entry point, visible to integration tests.</summary>
public partial class Program;
