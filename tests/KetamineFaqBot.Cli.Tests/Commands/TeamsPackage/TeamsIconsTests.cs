using KetamineFaqBot.Cli.Commands.TeamsPackage;

namespace KetamineFaqBot.Cli.Tests.Commands.TeamsPackage;

public sealed class TeamsIconsTests
{
    private static readonly Rgb Accent = new(0x2F, 0x5D, 0x8A);

    [Fact]
    public void Color_IsAValid192PixelRgbaPng()
    {
        var png = PngReader.Read(TeamsIcons.Color(Accent));

        Assert.Equal((192, 192), (png.Width, png.Height));
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks);
    }

    [Fact]
    public void Color_IsTheAccentWithAWhiteBubbleAndAnAccentCross()
    {
        var png = PngReader.Read(TeamsIcons.Color(Accent));

        Assert.Equal((Accent.R, Accent.G, Accent.B, (byte)255), png.Pixel(96, 8));     // background, top edge
        Assert.Equal(((byte)255, (byte)255, (byte)255, (byte)255), png.Pixel(50, 50)); // bubble, beside the cross
        Assert.Equal((Accent.R, Accent.G, Accent.B, (byte)255), png.Pixel(96, 80));    // the cross at the bubble's centre
        Assert.Equal(0, png.Pixel(0, 0).A);                                           // rounded corner
    }

    [Fact]
    public void Outline_IsAValid32PixelRgbaPng()
    {
        var png = PngReader.Read(TeamsIcons.Outline());

        Assert.Equal((32, 32), (png.Width, png.Height));
        Assert.Equal(["IHDR", "IDAT", "IEND"], png.Chunks);
    }

    [Fact]
    public void Outline_UsesOnlyOpaqueWhiteAndTransparentPixels()
    {
        var png = PngReader.Read(TeamsIcons.Outline());

        var pixels = Enumerable.Range(0, 32 * 32).Select(i => png.Pixel(i % 32, i / 32)).ToList();
        Assert.All(pixels, p => Assert.True(p == (255, 255, 255, 255) || p.A == 0, $"pixel {p} is neither white nor transparent"));
        Assert.Contains(pixels, p => p.A == 255);
        Assert.Contains(pixels, p => p.A == 0);
    }

    [Fact]
    public void Encode_WrongNumberOfBytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => PngEncoder.Encode(2, 2, new byte[15]));
    }

    [Fact]
    public void Encode_RoundTripsEveryPixel()
    {
        var rgba = Enumerable.Range(0, 3 * 2 * 4).Select(i => (byte)(i * 11)).ToArray();

        var png = PngReader.Read(PngEncoder.Encode(3, 2, rgba));

        Assert.Equal(rgba, png.Rgba);
    }
}
