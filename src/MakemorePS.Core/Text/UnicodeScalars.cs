using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>Walks a string by Unicode scalar value, so a surrogate pair is one symbol and never split.</summary>
    public static class UnicodeScalars
    {
        /// <summary>Reads the scalar value that starts at <paramref name="index"/> and how many UTF-16 units it spans.</summary>
        /// <returns>False when the position holds an unpaired surrogate.</returns>
        public static bool TryRead(string text, int index, out int scalar, out int length)
        {
            char c = text[index];
            if (!char.IsSurrogate(c))
            {
                scalar = c;
                length = 1;
                return true;
            }

            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                scalar = char.ConvertToUtf32(c, text[index + 1]);
                length = 2;
                return true;
            }

            scalar = 0;
            length = 1;
            return false;
        }

        /// <summary>The scalar values of a well-formed string, in order.</summary>
        /// <exception cref="ArgumentException">The string holds an unpaired surrogate.</exception>
        public static IEnumerable<int> Enumerate(string text)
        {
            for (int i = 0; i < text.Length;)
            {
                if (!TryRead(text, i, out int scalar, out int length))
                {
                    throw new ArgumentException($"The text holds an unpaired surrogate at position {i}.", nameof(text));
                }

                yield return scalar;
                i += length;
            }
        }

        /// <summary>The number of scalar values in a well-formed string.</summary>
        public static int Count(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; count++)
            {
                i += i + 1 < text.Length && char.IsHighSurrogate(text[i]) && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
            }

            return count;
        }

        /// <summary>The string form of one scalar value (one or two UTF-16 units).</summary>
        public static string ToText(int scalar) => char.ConvertFromUtf32(scalar);
    }
}
