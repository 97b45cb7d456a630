using System;
using System.Collections.Generic;
using System.Globalization;
using MakemorePS.Core;

namespace MakemorePS.Common
{
    /// <summary>
    /// Names for the columns (or PowerShell properties) of a matrix over a vocabulary, one per symbol, that are distinct
    /// even when compared case-insensitively, as PowerShell compares property names.
    /// </summary>
    internal static class ColumnNames
    {
        /// <summary>
        /// One column name per symbol, in vocabulary order. A symbol keeps its own text, except that these become
        /// "U+XXXX" (its scalar value in hexadecimal, at least four digits):
        /// <list type="bullet">
        /// <item><description>symbols that would be invisible or ambiguous as a name: whitespace, separators, control and
        /// format characters, private-use and unassigned code points;</description></item>
        /// <item><description>symbols that equal another symbol under <see cref="StringComparer.OrdinalIgnoreCase"/> (such as
        /// "A" and "a"), except the lower-case member of such a group, which keeps its text (if a group has several
        /// lower-case members, the one with the smallest scalar value keeps it).</description></item>
        /// </list>
        /// No name is empty, and none equals "First" (a symbol is a single character, a code name starts with "U+").
        /// </summary>
        /// <param name="vocabulary">The symbols.</param>
        internal static IReadOnlyList<string> For(Vocabulary vocabulary)
        {
            if (vocabulary is null)
            {
                throw new ArgumentNullException(nameof(vocabulary));
            }

            int v = vocabulary.Count;
            var names = new string[v];
            var groups = new Dictionary<string, List<int>>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < v; i++)
            {
                string symbol = vocabulary.GetSymbol(i);
                if (IsHardToRead(symbol))
                {
                    names[i] = CodeName(vocabulary.GetScalar(i));
                    continue;
                }

                names[i] = symbol;
                if (!groups.TryGetValue(symbol, out List<int>? members))
                {
                    members = new List<int>();
                    groups.Add(symbol, members);
                }

                members.Add(i);
            }

            foreach (List<int> members in groups.Values)
            {
                if (members.Count < 2)
                {
                    continue;
                }

                // Members are in vocabulary (scalar) order, so the first lower-case one has the smallest scalar value.
                int keeper = members.FindIndex(i => string.Equals(names[i], names[i].ToLowerInvariant(), StringComparison.Ordinal));
                for (int k = 0; k < members.Count; k++)
                {
                    if (k != keeper)
                    {
                        names[members[k]] = CodeName(vocabulary.GetScalar(members[k]));
                    }
                }
            }

            return names;
        }

        /// <summary>"U+XXXX": the scalar value in upper-case hexadecimal, at least four digits.</summary>
        /// <param name="scalar">A Unicode scalar value.</param>
        internal static string CodeName(int scalar) => "U+" + scalar.ToString("X4", CultureInfo.InvariantCulture);

        private static bool IsHardToRead(string symbol)
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
