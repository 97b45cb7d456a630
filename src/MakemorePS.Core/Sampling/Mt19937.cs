using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// MT19937 (Matsumoto and Nishimura, 1998), seeded from an integer the way CPython's <c>random.seed(n)</c> seeds it,
    /// with <c>random.shuffle</c>'s draws on top. It exists so that a split reproduces the lecture's
    /// <c>random.seed(42); random.shuffle(words)</c> exactly: the same names in the same order give the same split.
    /// </summary>
    /// <remarks>Not thread-safe: give each thread its own generator.</remarks>
    public sealed class Mt19937
    {
        private const int StateSize = 624;
        private const int ShiftSize = 397;
        private const uint MatrixA = 0x9908B0DFU;
        private const uint UpperMask = 0x80000000U;
        private const uint LowerMask = 0x7FFFFFFFU;

        private readonly uint[] _state = new uint[StateSize];
        private int _index;

        /// <summary>Seeds the generator as CPython's <c>random.seed(seed)</c> does for an integer seed.</summary>
        /// <param name="seed">Any integer; as in Python, its absolute value is the key, cut into 32-bit words from the lowest.</param>
        public Mt19937(long seed)
        {
            ulong magnitude = seed < 0 ? unchecked(0UL - (ulong)seed) : (ulong)seed;
            var key = new List<uint> { unchecked((uint)magnitude) };
            if (magnitude >> 32 != 0)
            {
                key.Add((uint)(magnitude >> 32));
            }

            SeedByArray(key);
        }

        private Mt19937()
        {
        }

        /// <summary>
        /// A generator seeded with the reference <c>init_genrand(seed)</c> alone, as C++'s <c>std::mt19937(seed)</c> and
        /// PyTorch's CPU generator (<c>manual_seed</c>) seed it; <see cref="Mt19937(long)"/> seeds as Python does.
        /// </summary>
        public static Mt19937 FromInitGenRand(uint seed)
        {
            var generator = new Mt19937();
            generator.InitGenRand(seed);
            return generator;
        }

        /// <summary>The number of 32-bit words in the state (<see cref="CopyState"/>).</summary>
        public const int StateWords = StateSize;

        /// <summary>
        /// A generator that continues exactly where one with this state was: <paramref name="words"/> and
        /// <paramref name="index"/> as <see cref="CopyState"/> gave them.
        /// </summary>
        /// <exception cref="ArgumentException">There are not <see cref="StateWords"/> words, they are all 0, or the index is outside 0 to 624.</exception>
        public static Mt19937 FromState(ReadOnlySpan<uint> words, int index)
        {
            if (words.Length != StateSize)
            {
                throw new ArgumentException($"An MT19937 state has {StateSize} words, not {words.Length}.", nameof(words));
            }

            if (index < 0 || index > StateSize)
            {
                throw new ArgumentException($"An MT19937 position is 0 to {StateSize}, not {index}.", nameof(index));
            }

            // The top bit of word 0 and the other 623 words make the 19937-bit state; all zero never leaves zero.
            bool zero = (words[0] & UpperMask) == 0;
            for (int i = 1; zero && i < StateSize; i++)
            {
                zero = words[i] == 0;
            }

            if (zero)
            {
                throw new ArgumentException("An MT19937 state of all zero bits is not from a generator.", nameof(words));
            }

            var generator = new Mt19937();
            words.CopyTo(generator._state);
            generator._index = index;
            return generator;
        }

        /// <summary>Copies the 624 state words to <paramref name="destination"/> and returns the position within them.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> does not hold <see cref="StateWords"/> words.</exception>
        public int CopyState(Span<uint> destination)
        {
            if (destination.Length != StateSize)
            {
                throw new ArgumentException($"An MT19937 state has {StateSize} words, not {destination.Length}.", nameof(destination));
            }

            _state.AsSpan().CopyTo(destination);
            return _index;
        }

        /// <summary>The next 32 uniformly distributed bits (MT19937's genrand_int32).</summary>
        public uint NextUInt32()
        {
            if (_index >= StateSize)
            {
                Twist();
            }

            uint y = _state[_index++];
            y ^= y >> 11;
            y ^= (y << 7) & 0x9D2C5680U;
            y ^= (y << 15) & 0xEFC60000U;
            y ^= y >> 18;
            return y;
        }

        /// <summary>
        /// A uniform integer in [0, <paramref name="bound"/>) drawn as Python's <c>Random._randbelow</c> draws it: the top
        /// bit_length(bound) bits of one output, redrawn while they are not below the bound.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
        public uint NextBelow(uint bound)
        {
            if (bound == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be at least 1.");
            }

            int bits = 32;
            while (bits > 0 && (bound >> (bits - 1)) == 0)
            {
                bits--;
            }

            uint draw;
            do
            {
                draw = NextUInt32() >> (32 - bits);
            }
            while (draw >= bound);
            return draw;
        }

        /// <summary>Shuffles <paramref name="items"/> in place exactly as Python's <c>random.shuffle</c> does with this generator.</summary>
        public void Shuffle<T>(IList<T> items)
        {
            if (items is null)
            {
                throw new ArgumentNullException(nameof(items));
            }

            for (int i = items.Count - 1; i > 0; i--)
            {
                int j = (int)NextBelow((uint)(i + 1));
                (items[i], items[j]) = (items[j], items[i]);
            }
        }

        // init_genrand from the reference mt19937ar.c.
        private void InitGenRand(uint seed)
        {
            _state[0] = seed;
            for (int n = 1; n < StateSize; n++)
            {
                _state[n] = unchecked((1812433253U * (_state[n - 1] ^ (_state[n - 1] >> 30))) + (uint)n);
            }

            _index = StateSize;
        }

        // init_genrand then init_by_array from the reference mt19937ar.c, which CPython's _randommodule.c follows.
        private void SeedByArray(IReadOnlyList<uint> key)
        {
            InitGenRand(19650218U);

            int i = 1;
            int j = 0;
            for (int k = Math.Max(StateSize, key.Count); k > 0; k--)
            {
                _state[i] = unchecked((_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1664525U)) + key[j] + (uint)j);
                i++;
                j++;
                if (i >= StateSize)
                {
                    _state[0] = _state[StateSize - 1];
                    i = 1;
                }

                if (j >= key.Count)
                {
                    j = 0;
                }
            }

            for (int k = StateSize - 1; k > 0; k--)
            {
                _state[i] = unchecked((_state[i] ^ ((_state[i - 1] ^ (_state[i - 1] >> 30)) * 1566083941U)) - (uint)i);
                i++;
                if (i >= StateSize)
                {
                    _state[0] = _state[StateSize - 1];
                    i = 1;
                }
            }

            _state[0] = 0x80000000U;
            _index = StateSize;
        }

        private void Twist()
        {
            for (int k = 0; k < StateSize; k++)
            {
                uint y = (_state[k] & UpperMask) | (_state[(k + 1) % StateSize] & LowerMask);
                _state[k] = _state[(k + ShiftSize) % StateSize] ^ (y >> 1) ^ ((y & 1U) == 0 ? 0U : MatrixA);
            }

            _index = 0;
        }
    }
}
