using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace MakemorePS.Core
{
    /// <summary>The layout of a matrix exported as CSV.</summary>
    public enum CsvShape
    {
        /// <summary>
        /// One row per current symbol: a header row "First" and one column per next symbol, then per row the current
        /// symbol and its values. Symbols are written as <see cref="ColumnNames.For"/> names them, so the header is
        /// distinct even case-insensitively and PowerShell's Import-Csv can read it.
        /// </summary>
        Wide,

        /// <summary>One row per pair of symbols, every pair: First, Second and the value.</summary>
        Long,
    }

    /// <summary>
    /// Writes V×V matrices (counts or probabilities) as CSV for Excel and other tools: RFC 4180 quoting, CRLF line
    /// ends, culture-invariant numbers (doubles in round-trip form), and text cells that a spreadsheet would run as a
    /// formula (starting with =, +, -, @, tab or CR) prefixed with an apostrophe. Files are UTF-8 with a byte-order mark,
    /// so Excel reads non-ASCII symbols, and are written atomically.
    /// </summary>
    public static class CsvExport
    {
        private const string LineEnd = "\r\n";

        /// <summary>Writes bigram counts; the value column of the long shape is "Count".</summary>
        /// <param name="writer">The destination.</param>
        /// <param name="counts">The counts.</param>
        /// <param name="shape">Wide or long.</param>
        public static void Write(TextWriter writer, BigramCounts counts, CsvShape shape)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            Write(writer, counts.Vocabulary, counts.AsSpan(), shape, "Count");
        }

        /// <summary>Writes a model's probabilities P(next | current); the value column of the long shape is "Probability".</summary>
        /// <param name="writer">The destination.</param>
        /// <param name="model">The model.</param>
        /// <param name="shape">Wide or long.</param>
        public static void Write(TextWriter writer, BigramModel model, CsvShape shape)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            Write(writer, model.Vocabulary, model.Probabilities, shape, "Probability");
        }

        /// <summary>Writes any V×V matrix of whole numbers, row-major, rows and columns indexed by the vocabulary.</summary>
        /// <param name="writer">The destination.</param>
        /// <param name="vocabulary">The symbols.</param>
        /// <param name="matrix">V×V values, row-major.</param>
        /// <param name="shape">Wide or long.</param>
        /// <param name="valueColumn">The header of the value column in the long shape.</param>
        public static void Write(TextWriter writer, Vocabulary vocabulary, ReadOnlySpan<long> matrix, CsvShape shape, string valueColumn = "Value")
        {
            long[] values = CheckedCopy(vocabulary, matrix);
            WriteCore(writer, vocabulary, shape, valueColumn, index => values[index].ToString(CultureInfo.InvariantCulture));
        }

        /// <summary>Writes any V×V matrix of real numbers, row-major, rows and columns indexed by the vocabulary.</summary>
        /// <param name="writer">The destination.</param>
        /// <param name="vocabulary">The symbols.</param>
        /// <param name="matrix">V×V values, row-major.</param>
        /// <param name="shape">Wide or long.</param>
        /// <param name="valueColumn">The header of the value column in the long shape.</param>
        public static void Write(TextWriter writer, Vocabulary vocabulary, ReadOnlySpan<double> matrix, CsvShape shape, string valueColumn = "Value")
        {
            double[] values = CheckedCopy(vocabulary, matrix);
            WriteCore(writer, vocabulary, shape, valueColumn, index => FormatReal(values[index]));
        }

        /// <summary>Saves bigram counts as a CSV file (UTF-8 with BOM), atomically.</summary>
        /// <param name="path">The file; an existing one is replaced.</param>
        /// <param name="counts">The counts.</param>
        /// <param name="shape">Wide or long.</param>
        public static void Save(string path, BigramCounts counts, CsvShape shape)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            SaveText(path, writer => Write(writer, counts, shape));
        }

        /// <summary>Saves a model's probabilities as a CSV file (UTF-8 with BOM), atomically.</summary>
        /// <param name="path">The file; an existing one is replaced.</param>
        /// <param name="model">The model.</param>
        /// <param name="shape">Wide or long.</param>
        public static void Save(string path, BigramModel model, CsvShape shape)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            SaveText(path, writer => Write(writer, model, shape));
        }

        /// <summary>
        /// One CSV field: an apostrophe before text a spreadsheet would take for a formula, then RFC 4180 quoting when the
        /// text holds a comma, quote, line break or leading/trailing space.
        /// </summary>
        /// <param name="text">The cell's text.</param>
        public static string EscapeField(string text)
        {
            if (text is null)
            {
                throw new ArgumentNullException(nameof(text));
            }

            if (text.Length > 0 && IsFormulaStart(text[0]))
            {
                text = "'" + text;
            }

            bool quote = text.Length > 0 && (text[0] == ' ' || text[text.Length - 1] == ' ');
            foreach (char c in text)
            {
                if (c == ',' || c == '"' || c == '\r' || c == '\n')
                {
                    quote = true;
                    break;
                }
            }

            return quote ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
        }

        private static bool IsFormulaStart(char c) => c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';

        private static string FormatReal(double value)
        {
#if NET
            return value.ToString("R", CultureInfo.InvariantCulture);
#else
            // "R" does not always round-trip on .NET Framework; G17 does.
            return value.ToString("G17", CultureInfo.InvariantCulture);
#endif
        }

        private static T[] CheckedCopy<T>(Vocabulary vocabulary, ReadOnlySpan<T> matrix)
        {
            if (vocabulary is null)
            {
                throw new ArgumentNullException(nameof(vocabulary));
            }

            int v = vocabulary.Count;
            if (matrix.Length != v * v)
            {
                throw new ArgumentException($"A vocabulary of {v} symbols needs a matrix of {v * v} values, not {matrix.Length}.", nameof(matrix));
            }

            return matrix.ToArray();
        }

        private static void WriteCore(TextWriter writer, Vocabulary vocabulary, CsvShape shape, string valueColumn, Func<int, string> cell)
        {
            if (writer is null)
            {
                throw new ArgumentNullException(nameof(writer));
            }

            int v = vocabulary.Count;
            if (shape == CsvShape.Wide)
            {
                IReadOnlyList<string> names = ColumnNames.For(vocabulary);
                writer.Write("First");
                foreach (string name in names)
                {
                    writer.Write(',');
                    writer.Write(EscapeField(name));
                }

                writer.Write(LineEnd);
                for (int i = 0; i < v; i++)
                {
                    writer.Write(EscapeField(names[i]));
                    for (int j = 0; j < v; j++)
                    {
                        writer.Write(',');
                        writer.Write(cell((i * v) + j));
                    }

                    writer.Write(LineEnd);
                }
            }
            else if (shape == CsvShape.Long)
            {
                writer.Write("First,Second,");
                writer.Write(EscapeField(valueColumn ?? throw new ArgumentNullException(nameof(valueColumn))));
                writer.Write(LineEnd);
                for (int i = 0; i < v; i++)
                {
                    string first = EscapeField(vocabulary.GetSymbol(i));
                    for (int j = 0; j < v; j++)
                    {
                        writer.Write(first);
                        writer.Write(',');
                        writer.Write(EscapeField(vocabulary.GetSymbol(j)));
                        writer.Write(',');
                        writer.Write(cell((i * v) + j));
                        writer.Write(LineEnd);
                    }
                }
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(shape), shape, "The shape must be Wide or Long.");
            }
        }

        private static void SaveText(string path, Action<TextWriter> write)
        {
            AtomicFile.Write(path, stream =>
            {
                using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true))
                {
                    write(writer);
                }
            });
        }
    }
}
