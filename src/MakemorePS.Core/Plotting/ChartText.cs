using System.Text;

namespace MakemorePS.Core
{
    /// <summary>
    /// Turns user text (titles, run labels) into text a chart can show and an SVG (XML 1.0) file can hold. XML cannot
    /// carry most control characters at all, even escaped; markup characters such as '&lt;' and '&amp;' are kept as they
    /// are and escaped by the SVG writer. Symbols are labelled by <see cref="SymbolLabel"/>.
    /// </summary>
    public static class ChartText
    {
        /// <summary>
        /// Free text such as a title: line breaks (CR, LF, CR LF) stay line breaks, tabs become spaces, and any other
        /// character that is a control character or not allowed in XML becomes "U+XXXX". Unpaired surrogates become U+FFFD.
        /// </summary>
        /// <param name="text">The text; null gives an empty string.</param>
        public static string Text(string? text)
        {
            if (string.IsNullOrEmpty(text))
            {
                return string.Empty;
            }

            var result = new StringBuilder(text!.Length);
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    result.Append(c).Append(text[i + 1]);
                    i++;
                }
                else if (char.IsSurrogate(c))
                {
                    result.Append('\uFFFD');
                }
                else if (c == '\r')
                {
                    result.Append('\n');
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }
                }
                else if (c == '\n')
                {
                    result.Append('\n');
                }
                else if (c == '\t')
                {
                    result.Append(' ');
                }
                else if (char.IsControl(c) || c == '\uFFFE' || c == '\uFFFF')
                {
                    result.Append(SymbolLabel.CodeName(c));
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }
    }
}
