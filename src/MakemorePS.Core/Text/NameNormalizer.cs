using System;

namespace MakemorePS.Core
{
    /// <summary>Turns raw lines into training names: trimmed, optionally lower-cased, blank lines skipped.</summary>
    public static class NameNormalizer
    {
        /// <summary>The longest name accepted, in UTF-8 bytes: 1 MiB, the same as the longest line of a file.</summary>
        public const int MaxNameBytes = 1 << 20;

        /// <summary>Normalizes one raw name.</summary>
        /// <param name="raw">The raw text; null counts as blank.</param>
        /// <param name="lowerCase">Lower-case with the invariant culture; otherwise case is kept.</param>
        /// <param name="name">The trimmed name, or null when the line was blank.</param>
        /// <returns>False when the line was blank (the caller counts it).</returns>
        /// <exception cref="InvalidNameException">The name holds the boundary token or an unpaired surrogate.</exception>
        public static bool TryNormalize(string? raw, bool lowerCase, out string? name)
        {
            if (raw is null)
            {
                name = null;
                return false;
            }

            string trimmed = raw.Trim();
            if (trimmed.Length == 0)
            {
                name = null;
                return false;
            }

            // A UTF-16 unit takes at most 3 UTF-8 bytes, so only very long names need counting.
            if (trimmed.Length > MaxNameBytes / 3 && System.Text.Encoding.UTF8.GetByteCount(trimmed) > MaxNameBytes)
            {
                string preview = trimmed.Substring(0, 20);
                throw new InvalidNameException(preview, InvalidNameReason.TooLong,
                    $"The name starting '{preview}' is longer than {MaxNameBytes:N0} bytes, the longest name accepted; it is skipped.");
            }

            if (lowerCase)
            {
                trimmed = trimmed.ToLowerInvariant();
            }

            Validate(trimmed);
            name = trimmed;
            return true;
        }

        /// <summary>Checks that a name can be modelled: no boundary token, no unpaired surrogate.</summary>
        /// <exception cref="InvalidNameException">It cannot.</exception>
        public static void Validate(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            for (int i = 0; i < name.Length;)
            {
                if (!UnicodeScalars.TryRead(name, i, out int scalar, out int length))
                {
                    throw new InvalidNameException(name, InvalidNameReason.UnpairedSurrogate,
                        $"The name '{name}' holds an unpaired surrogate (U+{(int)name[i]:X4}) at position {i}; fix the text's encoding.");
                }

                if (scalar == Vocabulary.BoundaryToken)
                {
                    throw new InvalidNameException(name, InvalidNameReason.ContainsBoundaryToken,
                        $"The name '{name}' contains '{Vocabulary.BoundaryToken}', the token that marks where names start and end; remove it from the name.");
                }

                i += length;
            }
        }
    }
}
