using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// PCG32 (XSH RR, 64-bit state, 32-bit output; M. E. O'Neill, "PCG: A Family of Simple Fast Space-Efficient
    /// Statistically Good Algorithms for Random Number Generation", 2014). Fully specified here, so a seed gives the
    /// same stream on every platform and runtime, unlike System.Random whose algorithm is not specified.
    /// </summary>
    /// <remarks>Not thread-safe: give each thread its own generator.</remarks>
    public sealed class Pcg32
    {
        private const ulong Multiplier = 6364136223846793005UL;
        private ulong _state;
        private readonly ulong _increment;

        /// <summary>Seeds the generator as pcg32_srandom(seed, stream) does in the reference implementation.</summary>
        /// <param name="seed">The starting state.</param>
        /// <param name="stream">Selects one of 2^63 independent streams (default 54, the reference demo's).</param>
        public Pcg32(long seed, long stream = 54)
        {
            _state = 0UL;
            _increment = ((ulong)stream << 1) | 1UL;
            NextUInt32();
            _state = unchecked(_state + (ulong)seed);
            NextUInt32();
        }

        private Pcg32(ulong state, ulong increment)
        {
            _state = state;
            _increment = increment;
        }

        /// <summary>The 64-bit state: with <see cref="Increment"/>, all a checkpoint needs to resume the stream (see <see cref="FromState"/>).</summary>
        public ulong State => _state;

        /// <summary>The odd increment that selects the stream.</summary>
        public ulong Increment => _increment;

        /// <summary>A generator that continues exactly where one with this <see cref="State"/> and <see cref="Increment"/> was.</summary>
        /// <exception cref="ArgumentException">The increment is even (no generator has one).</exception>
        public static Pcg32 FromState(ulong state, ulong increment)
        {
            if ((increment & 1UL) == 0)
            {
                throw new ArgumentException("A PCG32 increment is always odd; this one is not from a generator.", nameof(increment));
            }

            return new Pcg32(state, increment);
        }

        /// <summary>The next 32 uniformly distributed bits.</summary>
        public uint NextUInt32()
        {
            ulong old = _state;
            _state = unchecked((old * Multiplier) + _increment);
            uint xorShifted = (uint)(((old >> 18) ^ old) >> 27);
            int rotation = (int)(old >> 59);
            return (xorShifted >> rotation) | (xorShifted << ((-rotation) & 31));
        }

        /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias (Lemire's method).</summary>
        public uint NextUInt32(uint bound)
        {
            if (bound == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bound), "The bound must be at least 1.");
            }

            ulong product = (ulong)NextUInt32() * bound;
            uint low = (uint)product;
            if (low < bound)
            {
                uint threshold = unchecked(0u - bound) % bound;
                while (low < threshold)
                {
                    product = (ulong)NextUInt32() * bound;
                    low = (uint)product;
                }
            }

            return (uint)(product >> 32);
        }

        /// <summary>A uniform double in [0, 1) with 53 random bits (two outputs: high 27 bits, then 26 bits).</summary>
        public double NextDouble()
        {
            uint a = NextUInt32() >> 5;
            uint b = NextUInt32() >> 6;
            return ((a * 67108864.0) + b) * (1.0 / 9007199254740992.0);
        }

        /// <summary>A standard normal value by Marsaglia's polar method (uses one or more pairs of uniform doubles).</summary>
        /// <remarks>Exact bits may differ across runtimes in the last place, since Math.Log is not correctly rounded everywhere.</remarks>
        public double NextGaussian()
        {
            while (true)
            {
                double u = (2.0 * NextDouble()) - 1.0;
                double v = (2.0 * NextDouble()) - 1.0;
                double s = (u * u) + (v * v);
                if (s > 0.0 && s < 1.0)
                {
                    return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
                }
            }
        }
    }
}
