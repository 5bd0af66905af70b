using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using QRCoder;

namespace TrainingNetwork.Web.Attestations;

/// <summary>Lays out a <see cref="PacketContent"/> as a US Letter PDF with PDFsharp, adding pages as the tables grow.</summary>
public static class PacketPdf
{
    public const string ContentType = "application/pdf";

    static PacketPdf() => GlobalFontSettings.FontResolver = DejaVuFonts.Instance;

    public static string FileName(string verificationCode) => $"TrainingNetwork-attestation-{verificationCode}.pdf";

    public static byte[] Render(PacketContent content, DateTimeOffset generatedAt)
    {
        using var document = new PdfDocument();
        document.Info.Title = $"TrainingNetwork attestation packet {content.VerificationCode}";
        document.Info.Subject = $"Preceptor attestation for {content.PhysicianName}; verification code {content.VerificationCode}";
        document.Info.Keywords = $"attestation, verification code {content.VerificationCode}";
        document.Info.Author = "TrainingNetwork";
        document.Info.Creator = "TrainingNetwork";
        document.Info.CreationDate = generatedAt.UtcDateTime;

        using var qrPng = new MemoryStream(QrPng(content.VerificationUrl));
        using var qr = XImage.FromStream(qrPng);
        var writer = new Writer(document);
        writer.Cover(content, qr);
        writer.Section("Part I. Physician and authorization requested");
        writer.Fields(content.Physician);
        writer.Section("Part II. Training and experience");
        writer.Table(content.Classroom);
        writer.Table(content.WorkExperience);
        writer.Table(content.Cases);
        writer.Section("Part III. Supervising individuals");
        writer.Table(content.Supervisors);
        writer.Section("Part IV. Preceptor attestation");
        writer.Paragraph(content.StatementText);
        writer.Fields(content.Signature);
        writer.Section("Part V. Record and verification");
        writer.Fields(content.Evaluation);
        writer.Paragraph($"Anyone can confirm this packet at {content.VerificationUrl.AbsoluteUri}, by its code or by uploading this file. " +
            "A file that has been changed in any way is reported as not valid.");
        writer.Finish(content.VerificationCode);

        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    // Explicit colours make QRCoder write a palette PNG; PDFsharp cannot read its default 1-bit grey one.
    private static byte[] QrPng(Uri url)
    {
        using var data = QRCodeGenerator.GenerateQrCode(url.AbsoluteUri, QRCodeGenerator.ECCLevel.M);
        return new PngByteQRCode(data).GetGraphic(8, [0, 0, 0, 255], [255, 255, 255, 255]);
    }

    /// <summary>Draws top to bottom, starting a new page whenever the next line, field or table row would not fit.</summary>
    private sealed class Writer(PdfDocument document)
    {
        private const double Margin = 48;
        private const double FooterSpace = 30;
        private const double CellPadding = 3;
        private const double LabelWidth = 150;

        private static readonly XBrush Ink = XBrushes.Black;
        private static readonly XBrush Muted = new XSolidBrush(XColor.FromArgb(80, 80, 80));
        private static readonly XBrush Shade = new XSolidBrush(XColor.FromArgb(235, 238, 242));
        private static readonly XPen Rule = new(XColor.FromArgb(170, 170, 170), 0.5);

        // Instance fields: fonts resolve when created, which must come after PacketPdf has registered the resolver.
        private readonly XFont _title = new(DejaVuFonts.Sans, 14, XFontStyleEx.Bold);
        private readonly XFont _heading = new(DejaVuFonts.Sans, 10.5, XFontStyleEx.Bold);
        private readonly XFont _body = new(DejaVuFonts.Sans, 8.5);
        private readonly XFont _strong = new(DejaVuFonts.Sans, 8.5, XFontStyleEx.Bold);
        private readonly XFont _small = new(DejaVuFonts.Sans, 7.5);
        private readonly XFont _smallStrong = new(DejaVuFonts.Sans, 7.5, XFontStyleEx.Bold);
        private readonly XFont _code = new(DejaVuFonts.Mono, 10, XFontStyleEx.Bold);

        private XGraphics _gfx = null!;
        private PdfPage _page = null!;
        private double _y;

        private double Width => _page.Width.Point - (2 * Margin);

        private double Bottom => _page.Height.Point - Margin - FooterSpace;

        public void Cover(PacketContent content, XImage qr)
        {
            NewPage();
            const double qrSize = 92;
            var textWidth = Width - qrSize - 16;
            _gfx.DrawImage(qr, Margin + Width - qrSize, _y - 6, qrSize, qrSize);
            _gfx.DrawString(content.VerificationCode, _code, Ink, new XRect(Margin + Width - qrSize, _y + qrSize - 4, qrSize, 14), XStringFormats.TopCenter);

            Lines("Authorized User training and experience and preceptor attestation", _title, Ink, textWidth);
            _y += 2;
            Lines("An attestation packet modelled on NRC Form 313A (AUT), issued by TrainingNetwork from the evidence as it stood when the " +
                "preceptor signed. It holds no patient identifiers.", _body, Muted, textWidth);
            _y += 4;
            Lines($"Verify: {content.VerificationUrl.AbsoluteUri}", _small, Muted, textWidth);
            _y = Math.Max(_y, Margin + qrSize + 18);
        }

        public void Section(string title)
        {
            // A heading never sits alone at the foot of a page.
            Ensure(_heading.GetHeight() + (4 * _body.GetHeight()));
            _y += 10;
            _gfx.DrawString(title, _heading, Ink, Margin, _y, XStringFormats.TopLeft);
            _y += _heading.GetHeight() + 2;
            _gfx.DrawLine(Rule, Margin, _y, Margin + Width, _y);
            _y += 5;
        }

        public void Paragraph(string text)
        {
            foreach (var paragraph in text.Split('\n'))
            {
                Lines(paragraph.TrimEnd('\r'), _body, Ink, Width);
                _y += 4;
            }
        }

        public void Fields(IEnumerable<(string Label, string Value)> fields)
        {
            foreach (var (label, value) in fields)
            {
                var labelLines = Wrap(label, _strong, LabelWidth - 8);
                var valueLines = Wrap(value, _body, Width - LabelWidth);
                Ensure(Math.Max(labelLines.Count, valueLines.Count) * _body.GetHeight());
                var labelHeight = DrawLines(labelLines, _strong, Muted, Margin, _y);
                _y += Math.Max(labelHeight, DrawLines(valueLines, _body, Ink, Margin + LabelWidth, _y)) + 2;
            }
        }

        public void Table(PacketTable table)
        {
            Ensure(_strong.GetHeight() + (3 * _small.GetHeight()) + (4 * CellPadding));
            _y += 4;
            _gfx.DrawString(table.Caption, _strong, Ink, Margin, _y, XStringFormats.TopLeft);
            _y += _strong.GetHeight() + 3;
            if (table.Rows.Count == 0)
            {
                Lines(table.Empty, _body, Muted, Width);
                return;
            }

            var widths = table.Columns.Select(c => c.Width / table.Columns.Sum(x => x.Width) * Width).ToArray();
            Row(table.Columns, widths, [.. table.Columns.Select(c => c.Heading)], _smallStrong, header: true);
            foreach (var cells in table.Rows)
            {
                if (!Row(table.Columns, widths, cells, _small, header: false))
                {
                    NewPage();
                    _gfx.DrawString(table.Caption + " (continued)", _strong, Ink, Margin, _y, XStringFormats.TopLeft);
                    _y += _strong.GetHeight() + 3;
                    Row(table.Columns, widths, [.. table.Columns.Select(c => c.Heading)], _smallStrong, header: true);
                    Row(table.Columns, widths, cells, _small, header: false);
                }
            }
        }

        /// <summary>Page footers go on last, when the number of pages is known.</summary>
        public void Finish(string verificationCode)
        {
            _gfx.Dispose();
            for (var index = 0; index < document.PageCount; index++)
            {
                var page = document.Pages[index];
                using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
                var top = page.Height.Point - Margin - 8;
                var width = page.Width.Point - (2 * Margin);
                gfx.DrawLine(Rule, Margin, top, Margin + width, top);
                gfx.DrawString($"TrainingNetwork attestation packet · verification code {verificationCode}", _small, Muted,
                    new XRect(Margin, top + 4, width, 10), XStringFormats.TopLeft);
                gfx.DrawString($"Page {index + 1} of {document.PageCount}", _small, Muted, new XRect(Margin, top + 4, width, 10), XStringFormats.TopRight);
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            _page = document.AddPage();
            _page.Size = PageSize.Letter;
            _gfx = XGraphics.FromPdfPage(_page);
            _y = Margin;
        }

        private void Ensure(double height)
        {
            if (_y + height > Bottom)
            {
                NewPage();
            }
        }

        /// <summary>Draws lines one under the other from <paramref name="top"/>; returns the height used.</summary>
        private double DrawLines(List<string> lines, XFont font, XBrush brush, double x, double top)
        {
            for (var i = 0; i < lines.Count; i++)
            {
                _gfx.DrawString(lines[i], font, brush, x, top + (i * font.GetHeight()), XStringFormats.TopLeft);
            }

            return lines.Count * font.GetHeight();
        }

        private void Lines(string text, XFont font, XBrush brush, double width)
        {
            foreach (var line in Wrap(text, font, width))
            {
                Ensure(font.GetHeight());
                _gfx.DrawString(line, font, brush, Margin, _y, XStringFormats.TopLeft);
                _y += font.GetHeight();
            }
        }

        /// <summary>Draws one table row; false (drawing nothing) when it does not fit on this page.</summary>
        private bool Row(IReadOnlyList<PacketColumn> columns, double[] widths, IReadOnlyList<string> cells, XFont font, bool header)
        {
            var wrapped = cells.Select((cell, i) => Wrap(cell, font, widths[i] - (2 * CellPadding))).ToList();
            var height = (wrapped.Max(lines => lines.Count) * font.GetHeight()) + (2 * CellPadding);
            if (_y + height > Bottom)
            {
                return false;
            }

            if (header)
            {
                _gfx.DrawRectangle(Shade, Margin, _y, Width, height);
            }

            var x = Margin;
            for (var i = 0; i < wrapped.Count; i++)
            {
                var lineY = _y + CellPadding;
                foreach (var line in wrapped[i])
                {
                    var cell = new XRect(x + CellPadding, lineY, widths[i] - (2 * CellPadding), font.GetHeight());
                    _gfx.DrawString(line, font, Ink, cell, columns[i].AlignRight ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    lineY += font.GetHeight();
                }

                x += widths[i];
            }

            _y += height;
            _gfx.DrawLine(Rule, Margin, _y, Margin + Width, _y);
            return true;
        }

        /// <summary>Greedy word wrap; a word wider than the line (a hash, a long code) is broken between characters.</summary>
        private List<string> Wrap(string text, XFont font, double width)
        {
            var lines = new List<string>();
            var line = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = line.Length == 0 ? word : line + " " + word;
                if (_gfx.MeasureString(candidate, font).Width <= width)
                {
                    line = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line);
                }

                line = word;
                while (_gfx.MeasureString(line, font).Width > width && line.Length > 1)
                {
                    var fit = line.Length - 1;
                    while (fit > 1 && _gfx.MeasureString(line[..fit], font).Width > width)
                    {
                        fit--;
                    }

                    lines.Add(line[..fit]);
                    line = line[fit..];
                }
            }

            lines.Add(line);
            return lines;
        }
    }
}
