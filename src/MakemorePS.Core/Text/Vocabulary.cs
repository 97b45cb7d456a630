using System;
using System.Collections.Generic;
using System.Linq;

namespace MakemorePS.Core
{
    /// <summary>
    /// The symbols of a model: the boundary token '.' at index 0, then every distinct Unicode scalar value
    /// of the training names sorted by scalar value, as in makemore.
    /// </summary>
    public sealed class Vocabulary : IEquatable<Vocabulary>
    {
        /// <summary>The token that marks the start and end of a name.</summary>
        public const char BoundaryToken = '.';

        /// <summary>The index of <see cref="BoundaryToken"/>: always 0.</summary>
        public const int BoundaryIndex = 0;

        private readonly int[] _scalars;
        private readonly string[] _symbols;
        private readonly int[] _asciiIndex;
        private readonly Dictionary<int, int>? _otherIndex;

        private Vocabulary(int[] sortedScalarsWithBoundary)
        {
            _scalars = sortedScalarsWithBoundary;
            _symbols = _scalars.Select(UnicodeScalars.ToText).ToArray();
            _asciiIndex = new int[128];
            for (int i = 0; i < _asciiIndex.Length; i++)
            {
                _asciiIndex[i] = -1;
            }

            for (int i = 0; i < _scalars.Length; i++)
            {
                int s = _scalars[i];
                if (s < 128)
                {
                    _asciiIndex[s] = i;
                }
                else
                {
                    _otherIndex ??= new Dictionary<int, int>();
                    _otherIndex[s] = i;
                }
            }
        }

        /// <summary>The vocabulary that holds only the boundary token.</summary>
        public static Vocabulary Empty { get; } = new Vocabulary(new int[] { BoundaryToken });

        /// <summary>Builds a vocabulary from symbols given as Unicode scalar values; the boundary token is added and duplicates merged.</summary>
        /// <exception cref="ArgumentException">A value is not a Unicode scalar value (a surrogate code point or out of range).</exception>
        public static Vocabulary FromScalars(IEnumerable<int> scalars)
        {
            if (scalars is null)
            {
                throw new ArgumentNullException(nameof(scalars));
            }

            var set = new SortedSet<int>();
            foreach (int s in scalars)
            {
                if (s < 0 || s > 0x10FFFF || (s >= 0xD800 && s <= 0xDFFF))
                {
                    throw new ArgumentException($"0x{s:X} is not a Unicode scalar value.", nameof(scalars));
                }

                if (s != BoundaryToken)
                {
                    set.Add(s);
                }
            }

            var all = new int[set.Count + 1];
            all[0] = BoundaryToken;
            set.CopyTo(all, 1);
            return new Vocabulary(all);
        }

        /// <summary>Builds a vocabulary from the symbols as strings, each one Unicode scalar value (for example "a" or "😀").</summary>
        public static Vocabulary FromSymbols(IEnumerable<string> symbols)
        {
            if (symbols is null)
            {
                throw new ArgumentNullException(nameof(symbols));
            }

            return FromScalars(symbols.Select(symbol =>
            {
                if (string.IsNullOrEmpty(symbol) || !UnicodeScalars.TryRead(symbol, 0, out int scalar, out int length) || length != symbol.Length)
                {
                    throw new ArgumentException($"'{symbol}' is not a single Unicode scalar value.", nameof(symbols));
                }

                return scalar;
            }));
        }

        /// <summary>Builds the vocabulary of already normalized names (see <see cref="NameNormalizer"/>).</summary>
        /// <exception cref="InvalidNameException">A name holds the boundary token or an unpaired surrogate.</exception>
        public static Vocabulary FromNames(IEnumerable<string> names)
        {
            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            var set = new HashSet<int>();
            foreach (string name in names)
            {
                NameNormalizer.Validate(name);
                foreach (int s in UnicodeScalars.Enumerate(name))
                {
                    set.Add(s);
                }
            }

            return FromScalars(set);
        }

        /// <summary>The number of symbols, boundary included (V).</summary>
        public int Count => _scalars.Length;

        /// <summary>The symbols as strings, in index order.</summary>
        public IReadOnlyList<string> Symbols => _symbols;

        /// <summary>The scalar value of the symbol at <paramref name="index"/>.</summary>
        public int GetScalar(int index) => _scalars[index];

        /// <summary>The symbol at <paramref name="index"/> as a string.</summary>
        public string GetSymbol(int index) => _symbols[index];

        /// <summary>The index of a scalar value, or -1 when the vocabulary does not hold it.</summary>
        public int IndexOf(int scalar)
        {
            if ((uint)scalar < 128u)
            {
                return _asciiIndex[scalar];
            }

            return _otherIndex != null && _otherIndex.TryGetValue(scalar, out int index) ? index : -1;
        }

        /// <summary>The index of a one-symbol string, or -1 when it is not a symbol of this vocabulary.</summary>
        public int IndexOf(string symbol)
        {
            if (string.IsNullOrEmpty(symbol) || !UnicodeScalars.TryRead(symbol, 0, out int scalar, out int length) || length != symbol.Length)
            {
                return -1;
            }

            return IndexOf(scalar);
        }

        /// <summary>Whether the vocabulary holds the scalar value.</summary>
        public bool Contains(int scalar) => IndexOf(scalar) >= 0;

        /// <summary>A table from ASCII code to index (-1 where absent), for fast paths.</summary>
        internal int[] AsciiIndex => _asciiIndex;

        /// <summary>The symbols of both vocabularies.</summary>
        public Vocabulary Union(Vocabulary other)
        {
            if (other is null)
            {
                throw new ArgumentNullException(nameof(other));
            }

            return Equals(other) ? this : FromScalars(_scalars.Concat(other._scalars));
        }

        /// <summary>Whether every symbol of this vocabulary is also in <paramref name="other"/>.</summary>
        public bool IsSubsetOf(Vocabulary other) => _scalars.All(other.Contains);

        /// <summary>Encodes a name as symbol indices, without boundary tokens.</summary>
        /// <returns>False, with the first unknown symbol, when the name holds a symbol this vocabulary does not know.</returns>
        public bool TryEncode(string name, List<int> indices, out string? unknownSymbol)
        {
            indices.Clear();
            for (int i = 0; i < name.Length;)
            {
                if (!UnicodeScalars.TryRead(name, i, out int scalar, out int length))
                {
                    unknownSymbol = name[i].ToString();
                    return false;
                }

                int index = IndexOf(scalar);
                if (index < 0 || index == BoundaryIndex)
                {
                    unknownSymbol = UnicodeScalars.ToText(scalar);
                    return false;
                }

                indices.Add(index);
                i += length;
            }

            unknownSymbol = null;
            return true;
        }

        /// <inheritdoc/>
        public bool Equals(Vocabulary? other) => other is not null && (ReferenceEquals(this, other) || _scalars.AsSpan().SequenceEqual(other._scalars));

        /// <inheritdoc/>
        public override bool Equals(object? obj) => Equals(obj as Vocabulary);

        /// <inheritdoc/>
        public override int GetHashCode()
        {
            int hash = 17;
            foreach (int s in _scalars)
            {
                hash = unchecked(hash * 31 + s);
            }

            return hash;
        }

        /// <summary>The symbols joined, for display.</summary>
        public override string ToString() => string.Concat(_symbols);
    }
}
