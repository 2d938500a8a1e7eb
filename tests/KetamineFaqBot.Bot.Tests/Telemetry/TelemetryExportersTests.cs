using KetamineFaqBot.Bot.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace KetamineFaqBot.Bot.Tests.Telemetry;

public sealed class TelemetryExportersTests
{
    [Fact]
    public async Task NoOtlpEndpoint_NoOtlpExporterRegistered_AndNoProviderListening()
    {
        List<ServiceDescriptor> registered = [];
        await using var host = BotTestHost.Start(
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "" },
            services => registered = [.. services]);

        Assert.DoesNotContain(registered, d => d.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>));
        Assert.Null(host.Services.GetService<TracerProvider>());
        Assert.Null(host.Services.GetService<MeterProvider>());
    }

    [Fact]
    public async Task OtlpEndpointSet_OtlpExporterRegistered_WithTracerAndMeterProviders()
    {
        List<ServiceDescriptor> registered = [];
        await using var host = BotTestHost.Start(
            new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:1" },
            services => registered = [.. services]);

        Assert.Contains(registered, d => d.ServiceType == typeof(IOptionsFactory<OtlpExporterOptions>));
        Assert.NotNull(host.Services.GetService<TracerProvider>());
        Assert.NotNull(host.Services.GetService<MeterProvider>());
    }
}
