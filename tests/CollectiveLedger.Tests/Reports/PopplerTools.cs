using System.Diagnostics;
using SkiaSharp;

namespace CollectiveLedger.Tests.Reports;

/// <summary>Runs poppler's command-line tools (poppler-utils) on a PDF written to a temporary folder.</summary>
internal static class PopplerTools
{
    /// <summary>The output of <c>pdftotext -layout PDF -</c>.</summary>
    public static string Text(string pdfPath) => Run("pdftotext", "-enc", "UTF-8", pdfPath, "-").Out;

    /// <summary>The output of <c>pdffonts PDF</c>: a header and one line per font.</summary>
    public static string Fonts(string pdfPath) => Run("pdffonts", pdfPath).Out;

    /// <summary>Page 1 rendered by <c>pdftoppm</c> at <paramref name="dpi"/> into <paramref name="pngPath"/>.</summary>
    public static void RenderPageOne(string pdfPath, string pngPath, int dpi)
    {
        var prefix = Path.Combine(Path.GetDirectoryName(pngPath)!, Path.GetFileNameWithoutExtension(pngPath));
        Run("pdftoppm", "-r", dpi.ToString(System.Globalization.CultureInfo.InvariantCulture), "-png", "-singlefile", "-f", "1", "-l", "1", pdfPath, prefix);
    }

    /// <summary>Pixels darker than mid grey, anti-aliased edges half counted in.</summary>
    public static int DarkPixels(string pngPath, SKRectI? area = null)
    {
        using var bitmap = SKBitmap.Decode(pngPath);
        var box = area ?? new SKRectI(0, 0, bitmap.Width, bitmap.Height);
        var dark = 0;
        for (var y = Math.Max(0, box.Top); y < Math.Min(bitmap.Height, box.Bottom); y++)
        {
            for (var x = Math.Max(0, box.Left); x < Math.Min(bitmap.Width, box.Right); x++)
            {
                var pixel = bitmap.GetPixel(x, y);
                if (pixel.Red + pixel.Green + pixel.Blue < 3 * 128) dark++;
            }
        }

        return dark;
    }

    private static (string Out, string Error) Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = System.Text.Encoding.UTF8 };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start: apt-get install -y poppler-utils");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.That(process.ExitCode, Is.Zero, $"{tool} {string.Join(' ', arguments)} failed: {error.Result}");
        return (output, error.Result);
    }
}
