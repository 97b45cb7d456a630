using System;
using System.Collections.Generic;
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
        /// "U+XXXX" (<see cref="SymbolLabel.CodeName"/>):
        /// <list type="bullet">
        /// <item><description>symbols that would be invisible or ambiguous as a name (<see cref="SymbolLabel.IsHardToRead"/>):
        /// whitespace, separators, control and format characters, private-use and unassigned code points;</description></item>
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
                if (SymbolLabel.IsHardToRead(symbol))
                {
                    names[i] = SymbolLabel.CodeName(vocabulary.GetScalar(i));
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
                        names[members[k]] = SymbolLabel.CodeName(vocabulary.GetScalar(members[k]));
                    }
                }
            }

            return names;
        }
    }
}
