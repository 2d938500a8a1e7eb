using KetamineFaqBot.Bot.Telemetry;

namespace KetamineFaqBot.Bot.Tests.Telemetry;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5080", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://unix:/run/kfaq.sock", true)]
    [InlineData("http://0.0.0.0:8080", false)]
    [InlineData("http://[::]:8080", false)]
    [InlineData("http://+:8080", false)]
    [InlineData("http://*:8080", false)]
    [InlineData("http://10.1.2.3:8080", false)]
    [InlineData("https://bot.example.org:443", false)]
    public void IsLocal_OnlyAddressesNoOtherMachineReaches(string address, bool expected) =>
        Assert.Equal(expected, ListenAddresses.IsLocal(address));
}
