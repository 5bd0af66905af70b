using PdfSharp.Fonts;

namespace TrainingNetwork.Web.Attestations;

/// <summary>
/// Serves DejaVu Sans from Debian's fonts-dejavu-core package for every font PDFsharp asks for, so packets look the
/// same on every Linux machine and container (PDFsharp finds no fonts of its own there). See ADR 0008.
/// </summary>
public sealed class DejaVuFonts : IFontResolver
{
    public const string Sans = "DejaVu Sans";
    public const string Mono = "DejaVu Sans Mono";
    public const string Directory = "/usr/share/fonts/truetype/dejavu";

    // PDFsharp requires the same resolver instance for the life of the process.
    public static readonly DejaVuFonts Instance = new();

    private DejaVuFonts()
    {
    }

    // Face names are the file names; italic is simulated because fonts-dejavu-core has no oblique faces.
    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) =>
        new((familyName == Mono ? "DejaVuSansMono" : "DejaVuSans") + (bold ? "-Bold" : ""), mustSimulateBold: false, mustSimulateItalic: italic);

    public byte[] GetFont(string faceName)
    {
        var path = Path.Combine(Directory, faceName + ".ttf");
        return File.Exists(path)
            ? File.ReadAllBytes(path)
            : throw new FileNotFoundException($"The packet font {path} is missing. Install Debian's 'fonts-dejavu-core' package.", path);
    }
}
