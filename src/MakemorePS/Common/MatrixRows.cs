using System;
using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Core;

namespace MakemorePS.Common
{
    /// <summary>Turns a V×V matrix into one PSObject per row: "First" holds the current symbol, then one property per next symbol.</summary>
    internal static class MatrixRows
    {
        /// <summary>The property that holds each row's current symbol.</summary>
        internal const string FirstProperty = "First";

        /// <summary>One object per current symbol, in vocabulary order, with columns named by <see cref="ColumnNames.For"/>.</summary>
        internal static IEnumerable<PSObject> From<T>(Vocabulary vocabulary, Func<int, int, T> cell)
        {
            IReadOnlyList<string> columns = ColumnNames.For(vocabulary);
            int size = vocabulary.Count;
            for (int current = 0; current < size; current++)
            {
                var row = new PSObject();
                row.Properties.Add(new PSNoteProperty(FirstProperty, vocabulary.GetSymbol(current)));
                for (int next = 0; next < size; next++)
                {
                    row.Properties.Add(new PSNoteProperty(columns[next], cell(current, next)));
                }

                yield return row;
            }
        }
    }
}
