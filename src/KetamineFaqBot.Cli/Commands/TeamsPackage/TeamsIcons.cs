namespace KetamineFaqBot.Cli.Commands.TeamsPackage;

/// <summary>
/// The two icons a Teams app package needs, drawn here rather than shipped as binaries: a white speech bubble with a
/// cross on the app's accent colour (color, 192×192), and the same bubble in white on transparent (outline, 32×32).
/// </summary>
public static class TeamsIcons
{
    public const int ColorSize = 192;

    public const int OutlineSize = 32;

    /// <summary>The full-colour icon: a rounded square of <paramref name="accent"/> holding a white bubble with an accent cross.</summary>
    public static byte[] Color(Rgb accent)
    {
        ArgumentNullException.ThrowIfNull(accent);
        var canvas = new Canvas(ColorSize);
        var shape = new BubbleShape(ColorSize);
        canvas.Fill(accent, (x, y) => RoundedRect(x, y, 0, 0, ColorSize, ColorSize, 36));
        canvas.Fill(Rgb.White, shape.Bubble);
        canvas.Fill(accent, shape.Cross);
        return canvas.ToPng();
    }

    /// <summary>The outline icon: the bubble in white with the cross cut out, on transparent; no other colour.</summary>
    public static byte[] Outline()
    {
        // Teams asks for white on transparent only, so every pixel is either opaque white or fully transparent: one
        // sample at the pixel's centre, no anti-aliased edge in between.
        var canvas = new Canvas(OutlineSize, samplesPerAxis: 1);
        var shape = new BubbleShape(OutlineSize);
        canvas.Fill(Rgb.White, (x, y) => shape.Bubble(x, y) && !shape.Cross(x, y));
        return canvas.ToPng();
    }

    private static bool RoundedRect(double x, double y, double left, double top, double right, double bottom, double radius)
    {
        if (x < left || x >= right || y < top || y >= bottom)
        {
            return false;
        }

        // Distance to the nearest corner centre, only in the corner squares.
        var cx = Math.Clamp(x, left + radius, right - radius);
        var cy = Math.Clamp(y, top + radius, bottom - radius);
        var dx = x - cx;
        var dy = y - cy;
        return (dx * dx) + (dy * dy) <= radius * radius;
    }

    private static bool Triangle(double x, double y, (double X, double Y) a, (double X, double Y) b, (double X, double Y) c)
    {
        static double Side(double px, double py, (double X, double Y) p, (double X, double Y) q) =>
            ((px - q.X) * (p.Y - q.Y)) - ((p.X - q.X) * (py - q.Y));

        var d1 = Side(x, y, a, b);
        var d2 = Side(x, y, b, c);
        var d3 = Side(x, y, c, a);
        var hasNegative = d1 < 0 || d2 < 0 || d3 < 0;
        var hasPositive = d1 > 0 || d2 > 0 || d3 > 0;
        return !(hasNegative && hasPositive);
    }

    /// <summary>The bubble and cross laid out on a unit square and scaled to the icon's size.</summary>
    private sealed class BubbleShape(int size)
    {
        private readonly double scale = size;

        public bool Bubble(double x, double y)
        {
            var (u, v) = (x / scale, y / scale);
            return RoundedRect(u, v, 0.16, 0.18, 0.84, 0.66, 0.12)
                || Triangle(u, v, (0.28, 0.60), (0.48, 0.60), (0.24, 0.84));
        }

        public bool Cross(double x, double y)
        {
            var (u, v) = (x / scale, y / scale);
            return (Math.Abs(u - 0.5) <= 0.07 && Math.Abs(v - 0.42) <= 0.17)
                || (Math.Abs(u - 0.5) <= 0.17 && Math.Abs(v - 0.42) <= 0.07);
        }
    }

    /// <summary>A square RGBA raster; shapes are painted over it with coverage from sub-pixel samples.</summary>
    private sealed class Canvas(int size, int samplesPerAxis = 4)
    {
        private readonly byte[] pixels = new byte[size * size * 4];

        public void Fill(Rgb colour, Func<double, double, bool> inside)
        {
            var samples = samplesPerAxis * samplesPerAxis;
            for (var y = 0; y < size; y++)
            {
                for (var x = 0; x < size; x++)
                {
                    var covered = 0;
                    for (var sy = 0; sy < samplesPerAxis; sy++)
                    {
                        for (var sx = 0; sx < samplesPerAxis; sx++)
                        {
                            if (inside(x + ((sx + 0.5) / samplesPerAxis), y + ((sy + 0.5) / samplesPerAxis)))
                            {
                                covered++;
                            }
                        }
                    }

                    if (covered > 0)
                    {
                        Blend(((y * size) + x) * 4, colour, (double)covered / samples);
                    }
                }
            }
        }

        public byte[] ToPng() => PngEncoder.Encode(size, size, pixels);

        // "Over" compositing of a colour with the given coverage onto the (non-premultiplied) pixel.
        private void Blend(int at, Rgb colour, double alpha)
        {
            var below = pixels[at + 3] / 255.0;
            var outAlpha = alpha + (below * (1 - alpha));
            pixels[at] = Mix(colour.R, pixels[at], alpha, below, outAlpha);
            pixels[at + 1] = Mix(colour.G, pixels[at + 1], alpha, below, outAlpha);
            pixels[at + 2] = Mix(colour.B, pixels[at + 2], alpha, below, outAlpha);
            pixels[at + 3] = (byte)Math.Round(outAlpha * 255);
        }

        private static byte Mix(byte over, byte under, double alpha, double below, double outAlpha) =>
            (byte)Math.Round(((over * alpha) + (under * below * (1 - alpha))) / outAlpha);
    }
}
