using SkiaSharp;

namespace VmafTiny.Repro.Reports.Html.Tests;

/// <summary>Counts in a PNG: how much is not background, and how much is (close to) one colour.</summary>
internal sealed class Pixels
{
    private readonly SKColor[] _pixels;

    private Pixels(SKBitmap bitmap)
    {
        Width = bitmap.Width;
        Height = bitmap.Height;
        _pixels = bitmap.Pixels;
    }

    public int Width { get; }
    public int Height { get; }

    public static Pixels Of(byte[] png)
    {
        using var bitmap = SKBitmap.Decode(png) ?? throw new InvalidOperationException("not a decodable image");
        return new Pixels(bitmap);
    }

    /// <summary>Share of pixels that are not (near) white.</summary>
    public double InkShare => _pixels.Count(p => p.Red < 240 || p.Green < 240 || p.Blue < 240) / (double)_pixels.Length;

    /// <summary>Pixels within <paramref name="tolerance"/> per channel of <paramref name="hex"/> (#RRGGBB).</summary>
    public int Near(string hex, int tolerance = 10)
    {
        var c = SKColor.Parse(hex);
        return _pixels.Count(p => Math.Abs(p.Red - c.Red) <= tolerance && Math.Abs(p.Green - c.Green) <= tolerance && Math.Abs(p.Blue - c.Blue) <= tolerance);
    }
}
