using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// Where an MLP's mini-batch indices come from, and the position a model keeps so that training resumed from it draws
    /// the batches it would have drawn. New models use PyTorch's generator (<see cref="TorchGenerator"/>), which also drew
    /// their initial weights; models saved before it carry a PCG32 state and go on with PCG32.
    /// </summary>
    internal abstract class MlpBatchGenerator
    {
        private MlpBatchGenerator()
        {
        }

        /// <summary>A uniform example index in [0, <paramref name="count"/>).</summary>
        public abstract uint NextIndex(uint count);

        /// <summary>The position now, to save and <see cref="Resume"/> from.</summary>
        public abstract MlpGeneratorState State { get; }

        /// <summary>Continues from a saved position.</summary>
        public static MlpBatchGenerator Resume(MlpGeneratorState state) => state.IsPcg32
            ? new Pcg32Indices(Pcg32.FromState(state.Pcg32State, state.Pcg32Increment))
            : new TorchIndices(TorchGenerator.Resume(state.Seed, state.Draws));

        /// <summary>Indices from <paramref name="generator"/> as <c>torch.randint</c> draws them.</summary>
        public static MlpBatchGenerator From(TorchGenerator generator) => new TorchIndices(generator);

        private sealed class TorchIndices : MlpBatchGenerator
        {
            private readonly TorchGenerator _generator;

            public TorchIndices(TorchGenerator generator) => _generator = generator;

            public override MlpGeneratorState State => MlpGeneratorState.Torch(_generator.Seed, _generator.Draws);

            public override uint NextIndex(uint count) => _generator.NextBelow(count);
        }

        private sealed class Pcg32Indices : MlpBatchGenerator
        {
            private readonly Pcg32 _generator;

            public Pcg32Indices(Pcg32 generator) => _generator = generator;

            public override MlpGeneratorState State => MlpGeneratorState.Pcg32(_generator.State, _generator.Increment);

            public override uint NextIndex(uint count) => _generator.NextUInt32(count);
        }
    }

    /// <summary>A saved <see cref="MlpBatchGenerator"/> position: PyTorch's seed and draws, or (older models) PCG32's state.</summary>
    internal sealed class MlpGeneratorState
    {
        private MlpGeneratorState(bool isPcg32, long seed, long draws, ulong pcg32State, ulong pcg32Increment)
        {
            IsPcg32 = isPcg32;
            Seed = seed;
            Draws = draws;
            Pcg32State = pcg32State;
            Pcg32Increment = pcg32Increment;
        }

        /// <summary>Whether this is a PCG32 position (models saved before PyTorch's generator) rather than PyTorch's.</summary>
        public bool IsPcg32 { get; }

        /// <summary>PyTorch's generator: the seed.</summary>
        public long Seed { get; }

        /// <summary>PyTorch's generator: the 32-bit outputs drawn since seeding.</summary>
        public long Draws { get; }

        /// <summary>PCG32: the 64-bit state.</summary>
        public ulong Pcg32State { get; }

        /// <summary>PCG32: the odd stream increment.</summary>
        public ulong Pcg32Increment { get; }

        /// <summary>A position of PyTorch's generator.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="draws"/> is negative.</exception>
        public static MlpGeneratorState Torch(long seed, long draws) => draws >= 0
            ? new MlpGeneratorState(false, seed, draws, 0, 0)
            : throw new ArgumentOutOfRangeException(nameof(draws), draws, "The number of draws must be 0 or more.");

        /// <summary>A position of PCG32.</summary>
        /// <exception cref="ArgumentException">The increment is even (no generator has one).</exception>
        public static MlpGeneratorState Pcg32(ulong state, ulong increment) => (increment & 1UL) == 1
            ? new MlpGeneratorState(true, 0, 0, state, increment)
            : throw new ArgumentException("A PCG32 increment is always odd; this one is not from a generator.", nameof(increment));
    }
}
