using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace CongressPlatform.Modules.Deputies.Documents;

/// <summary>
/// A small builder for the module's Word documents (ADR 0012) in the form of an official letter: a title in 宋体 (二号,
/// bold, centred), body text in 仿宋 (三号, first line indented by two characters), tables in 宋体. Every run declares its
/// East Asian font, so Word and WPS on Chinese Windows show the intended faces. A4 with the 公文 margins.
/// </summary>
internal sealed class WordDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const string BodyFont = "仿宋";
    private const string TitleFont = "宋体";
    private const string LatinFont = "Times New Roman";

    private readonly List<OpenXmlElement> _blocks = [];

    public WordDocument Title(string text)
    {
        _blocks.Add(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
            Run(text, TitleFont, 44, bold: true)));
        return this;
    }

    public WordDocument Subtitle(string text)
    {
        _blocks.Add(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { After = "240" }, new Justification { Val = JustificationValues.Center }),
            Run(text, BodyFont, 32)));
        return this;
    }

    public WordDocument Heading(string text)
    {
        _blocks.Add(new Paragraph(
            new ParagraphProperties(new SpacingBetweenLines { Before = "120", After = "60" }),
            Run(text, "黑体", 32)));
        return this;
    }

    /// <summary>A body paragraph; <paramref name="indent"/> indents its first line by two characters (公文 style).</summary>
    public WordDocument Paragraph(string text, bool indent = true, bool right = false)
    {
        var properties = new ParagraphProperties(new SpacingBetweenLines { Line = "560", LineRule = LineSpacingRuleValues.Exact });
        if (right)
        {
            properties.Append(new Justification { Val = JustificationValues.Right });
        }
        else if (indent)
        {
            properties.Append(new Indentation { FirstLineChars = 200 });
        }
        _blocks.Add(new Paragraph(properties, Run(text, BodyFont, 32)));
        return this;
    }

    /// <summary>Several paragraphs from text with line breaks (an edited letter or report); blank lines are kept as spacing.</summary>
    public WordDocument Text(string text, bool indent = true)
    {
        foreach (var line in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            Paragraph(line.Trim(), indent && line.Trim().Length > 0);
        }
        return this;
    }

    public WordDocument Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var border = new TableBorders(
            new TopBorder { Val = BorderValues.Single, Size = 4 }, new StartBorder { Val = BorderValues.Single, Size = 4 },
            new BottomBorder { Val = BorderValues.Single, Size = 4 }, new EndBorder { Val = BorderValues.Single, Size = 4 },
            new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 });
        var table = new Table(new TableProperties(new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" }, border));
        // Columns share the text width (A4 less the margins, in twentieths of a point).
        var width = (11906 - 1588 - 1474) / header.Count;
        table.Append(new TableGrid(header.Select(_ => new GridColumn { Width = width.ToString(System.Globalization.CultureInfo.InvariantCulture) })));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }
        _blocks.Add(table);
        _blocks.Add(new Paragraph());
        return this;
    }

    public byte[] ToBytes()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            var body = new Body();
            foreach (var block in _blocks)
            {
                body.Append(block.CloneNode(true));
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 2098, Bottom = 1984, Left = 1588U, Right = 1474U, Header = 851U, Footer = 992U }));
            main.Document = new Document(body);
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold) =>
        new(cells.Select(c => new TableCell(new Paragraph(Run(c, TitleFont, 24, bold)))));

    private static Run Run(string text, string eastAsiaFont, int halfPoints, bool bold = false)
    {
        var properties = new RunProperties(
            new RunFonts { Ascii = LatinFont, HighAnsi = LatinFont, EastAsia = eastAsiaFont, ComplexScript = LatinFont, Hint = FontTypeHintValues.EastAsia });
        if (bold)
        {
            properties.Append(new Bold());
        }
        properties.Append(new FontSize { Val = halfPoints.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        properties.Append(new Languages { EastAsia = "zh-CN" });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }
}
