using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// How a symbol is shown where people read it (chart labels, the column names of the matrix cmdlets): itself,
    /// unless it would be invisible or cannot be written to XML, in which case its code name "U+XXXX". Every font can
    /// show a code name, which is not true of the Unicode control pictures.
    /// </summary>
    public static class SymbolLabel
    {
        /// <summary>The symbol itself, or its code name when <see cref="IsHardToRead"/>; an empty string stays empty.</summary>
        /// <param name="symbol">One Unicode scalar value as a string.</param>
        public static string For(string symbol)
        {
            if (string.IsNullOrEmpty(symbol))
            {
                return string.Empty;
            }

            return IsHardToRead(symbol) ? CodeName(char.ConvertToUtf32(symbol, 0)) : symbol;
        }

        /// <summary>
        /// Whether the symbol would be invisible, ambiguous or unwritable as a label: white space, separators, control
        /// and format characters, private-use and unassigned code points (U+FFFE and U+FFFF among them) and surrogates.
        /// </summary>
        /// <param name="symbol">One Unicode scalar value as a string; null or empty is not hard to read.</param>
        public static bool IsHardToRead(string symbol)
        {
            if (string.IsNullOrEmpty(symbol))
            {
                return false;
            }

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

        /// <summary>"U+XXXX": the scalar value in upper-case hexadecimal, at least four digits.</summary>
        /// <param name="scalar">A Unicode scalar value.</param>
        public static string CodeName(int scalar) => "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);
    }
}
