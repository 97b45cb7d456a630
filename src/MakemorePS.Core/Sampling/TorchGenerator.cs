using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// PyTorch's CPU generator, <c>torch.Generator().manual_seed(seed)</c>, for the draws the lecture's MLP code makes:
    /// <c>torch.randn</c> of float32 tensors and <c>torch.randint(0, n, …)</c>. With the lecture's seed the MLP starts from
    /// the lecture's weights and draws the lecture's mini-batches.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The engine is MT19937 seeded with <c>init_genrand</c> of the seed's low 32 bits (so seeds that differ only above
    /// bit 31 give the same stream, as in PyTorch). Normals follow PyTorch 1.13's CPU kernels as x86-64 machines run them
    /// (AVX2): a tensor of 16 or more values is filled with 24-bit uniforms and turned into normals 16 at a time by
    /// Box–Muller with <see cref="TorchFloatMath"/>'s logarithm and sine, the last 16 values redrawn when 16 does not
    /// divide the size; a smaller tensor takes one Box–Muller pair per two values from 53-bit uniforms in double
    /// precision, the second value kept for the next draw. (PyTorch without AVX2, on ARM for example, uses the C library's
    /// logf, sinf and cosf for the large tensors, which differ in the last bits.)
    /// </para>
    /// <para>
    /// <see cref="CopyState"/> and <see cref="FromState"/> save and restore the engine, all that drawing integers
    /// depends on. A kept Box–Muller value is not part of that state.
    /// </para>
    /// <para>Not thread-safe: give each thread its own generator.</para>
    /// </remarks>
    public sealed class TorchGenerator
    {
        private const int NormalBlock = TorchFloatMath.NormalBlock;
        private readonly Mt19937 _engine;
        private double? _nextNormal;

        /// <summary>Seeds the generator as <c>torch.Generator().manual_seed(seed)</c> does.</summary>
        public TorchGenerator(long seed)
            : this(seed, Mt19937.FromInitGenRand(unchecked((uint)seed)))
        {
        }

        private TorchGenerator(long seed, Mt19937 engine)
        {
            Seed = seed;
            _engine = engine;
        }

        /// <summary>The seed it was made with.</summary>
        public long Seed { get; }

        /// <summary>Copies the engine's 624 state words to <paramref name="destination"/> and returns the position within them.</summary>
        /// <exception cref="ArgumentException"><paramref name="destination"/> does not hold <see cref="Mt19937.StateWords"/> words.</exception>
        public int CopyState(Span<uint> destination) => _engine.CopyState(destination);

        /// <summary>A generator that continues where one with this seed and state was (see <see cref="CopyState"/>).</summary>
        /// <exception cref="ArgumentException">The words or the index are not an MT19937 state.</exception>
        public static TorchGenerator FromState(long seed, ReadOnlySpan<uint> words, int index) => new TorchGenerator(seed, Mt19937.FromState(words, index));

        /// <summary>The next 32 uniformly distributed bits (PyTorch's <c>random()</c>).</summary>
        public uint NextUInt32() => _engine.NextUInt32();

        /// <summary>
        /// A uniform integer in [0, <paramref name="bound"/>) as <c>torch.randint(0, bound, …)</c> draws each element: one
        /// 32-bit output modulo the bound.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="bound"/> is 0.</exception>
        public uint NextBelow(uint bound)
        {
            if (bound == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(bound), bound, "The bound must be at least 1.");
            }

            return NextUInt32() % bound;
        }

        /// <summary>Fills <paramref name="destination"/> with standard normals as <c>torch.randn(destination.Length)</c> fills a float32 tensor.</summary>
        public void FillNormal(Span<float> destination)
        {
            if (destination.Length >= NormalBlock)
            {
                FillNormalBlocks(destination);
                return;
            }

            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = (float)NextScalarNormal();
            }
        }

        // PyTorch's normal_fill: every value a 24-bit uniform first, then Box–Muller on blocks of 16.
        private void FillNormalBlocks(Span<float> destination)
        {
            for (int i = 0; i < destination.Length; i++)
            {
                destination[i] = NextUniformFloat();
            }

            for (int start = 0; start + NormalBlock <= destination.Length; start += NormalBlock)
            {
                TorchFloatMath.NormalsFromUniforms(destination.Slice(start, NormalBlock));
            }

            if (destination.Length % NormalBlock != 0)
            {
                Span<float> tail = destination.Slice(destination.Length - NormalBlock);
                for (int i = 0; i < NormalBlock; i++)
                {
                    tail[i] = NextUniformFloat();
                }

                TorchFloatMath.NormalsFromUniforms(tail);
            }
        }

        // at::normal_distribution<double>: Box–Muller on two 53-bit uniforms; the sine half is kept for the next call.
        private double NextScalarNormal()
        {
            if (_nextNormal is double kept)
            {
                _nextNormal = null;
                return kept;
            }

            double u1 = NextUniformDouble();
            double u2 = NextUniformDouble();
            double radius = Math.Sqrt(-2.0 * Math.Log(1.0 - u2));
            double theta = 2.0 * Math.PI * u1;
            _nextNormal = radius * Math.Sin(theta);
            return radius * Math.Cos(theta);
        }

        // The low 24 bits of one output, over 2^24.
        private float NextUniformFloat() => (NextUInt32() & 0xFFFFFFu) * (1f / 16777216f);

        // The low 53 bits of random64() (the first output high, the second low), over 2^53.
        private double NextUniformDouble()
        {
            ulong high = NextUInt32();
            ulong low = NextUInt32();
            return (((high << 32) | low) & ((1UL << 53) - 1)) * (1.0 / 9007199254740992.0);
        }
    }
}
