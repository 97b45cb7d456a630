using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// Where mini-batch training stands in its shuffled epochs: the generator state before the current epoch's shuffle
    /// and the position in that epoch. A model keeps it, so training resumed from the model (or from a checkpoint)
    /// draws exactly the batches the uninterrupted run would have drawn, and gives bit-identical weights.
    /// </summary>
    public sealed class ShuffleState
    {
        /// <summary>Creates the state.</summary>
        public ShuffleState(long seed, int batchSize, int exampleCount, ulong generatorState, ulong generatorIncrement, int position)
        {
            Seed = seed;
            BatchSize = batchSize;
            ExampleCount = exampleCount;
            GeneratorState = generatorState;
            GeneratorIncrement = generatorIncrement;
            Position = position;
        }

        /// <summary>The seed the shuffling started from.</summary>
        public long Seed { get; }

        /// <summary>Examples per step.</summary>
        public int BatchSize { get; }

        /// <summary>The number of examples shuffled (the training bigrams).</summary>
        public int ExampleCount { get; }

        /// <summary>The PCG32 state before the current epoch's shuffle.</summary>
        public ulong GeneratorState { get; }

        /// <summary>The PCG32 increment (its stream).</summary>
        public ulong GeneratorIncrement { get; }

        /// <summary>The index, in the current epoch's order, of the next example to draw.</summary>
        public int Position { get; }

        /// <summary>Whether training with <paramref name="options"/> on <paramref name="exampleCount"/> examples continues this shuffle.</summary>
        internal bool Continues(TrainingOptions options, int exampleCount) =>
            options.Seed == Seed && options.BatchSize == BatchSize && exampleCount == ExampleCount && Position >= 0 && Position <= ExampleCount;

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture,
            "Seed={0}, BatchSize={1}, Position={2} of {3}", Seed, BatchSize, Position, ExampleCount);
    }
}
