namespace MakemorePS.Core
{
    /// <summary>
    /// Where an MLP's mini-batch indices come from. New models use PyTorch's generator (<see cref="TorchGenerator"/>),
    /// which also drew their initial weights; models saved before it carry a PCG32 state and go on with PCG32.
    /// </summary>
    internal abstract class MlpBatchGenerator
    {
        private MlpBatchGenerator()
        {
        }

        /// <summary>A uniform example index in [0, <paramref name="count"/>).</summary>
        public abstract uint NextIndex(uint count);

        /// <summary>The position now, for a model to keep and training to resume from (<see cref="MlpGeneratorState.Resume"/>).</summary>
        public abstract MlpGeneratorState State { get; }

        /// <summary>Indices from <paramref name="generator"/> as <c>torch.randint</c> draws them.</summary>
        public static MlpBatchGenerator From(TorchGenerator generator) => new TorchIndices(generator);

        /// <summary>Indices from <paramref name="generator"/> by Lemire's bounded method, as models saved in format 2 drew them.</summary>
        public static MlpBatchGenerator From(Pcg32 generator) => new Pcg32Indices(generator);

        private sealed class TorchIndices : MlpBatchGenerator
        {
            private readonly TorchGenerator _generator;

            public TorchIndices(TorchGenerator generator) => _generator = generator;

            public override MlpGeneratorState State => TorchGeneratorState.Of(_generator);

            public override uint NextIndex(uint count) => _generator.NextBelow(count);
        }

        private sealed class Pcg32Indices : MlpBatchGenerator
        {
            private readonly Pcg32 _generator;

            public Pcg32Indices(Pcg32 generator) => _generator = generator;

            public override MlpGeneratorState State => new Pcg32GeneratorState(_generator.State, _generator.Increment);

            public override uint NextIndex(uint count) => _generator.NextUInt32(count);
        }
    }
}
