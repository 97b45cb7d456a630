using System.Globalization;
using System.Text;

namespace MakemorePS.Core
{
    /// <summary>
    /// Turns symbols and user text into text a chart can show and an SVG (XML 1.0) file can hold. XML cannot carry most
    /// control characters at all, even escaped, and invisible symbols would leave a blank label; markup characters such
    /// as '&lt;' and '&amp;' are kept as they are and escaped by the SVG writer.
    /// </summary>
    public static class ChartText
    {
        /// <summary>
        /// How a symbol is labelled: itself, except that symbols that would be invisible or cannot be written to XML
        /// (white space, separators, control and format characters, private-use and unassigned code points) become
        /// "U+XXXX", as the column names of the matrix cmdlets do. Every font can show that, which is not true of the
        /// Unicode control pictures.
        /// </summary>
        /// <param name="symbol">One Unicode scalar value as a string.</param>
        public static string Symbol(string symbol)
        {
            if (string.IsNullOrEmpty(symbol))
            {
                return string.Empty;
            }

            return IsShownAsCodePoint(symbol) ? CodeName(char.ConvertToUtf32(symbol, 0)) : symbol;
        }

        /// <summary>Whether <see cref="Symbol"/> shows <paramref name="symbol"/> by its code point ("U+XXXX") rather than as itself.</summary>
        /// <param name="symbol">One Unicode scalar value as a string.</param>
        public static bool IsShownAsCodePoint(string symbol) => !string.IsNullOrEmpty(symbol) && IsHidden(symbol);

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
                    result.Append(CodeName(c));
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }

        /// <summary>"U+XXXX": the scalar value in upper-case hexadecimal, at least four digits.</summary>
        private static string CodeName(int scalar) => "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);

        private static bool IsHidden(string symbol)
        {
            switch (CharUnicodeInfo.GetUnicodeCategory(symbol, 0))
            {
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.PrivateUse:
                case UnicodeCategory.Surrogate:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
                default:
                    return char.IsWhiteSpace(symbol, 0);
            }
        }
    }
}
