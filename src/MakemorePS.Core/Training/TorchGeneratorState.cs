using System;

namespace MakemorePS.Core
{
    /// <summary>The position of PyTorch's generator (<see cref="TorchGenerator"/>): its seed and its MT19937 engine.</summary>
    internal sealed class TorchGeneratorState : MlpGeneratorState
    {
        private readonly uint[] _words;

        /// <summary>A position from saved values.</summary>
        /// <exception cref="ArgumentException">The words or the index are not an MT19937 state.</exception>
        public TorchGeneratorState(long seed, ReadOnlySpan<uint> words, int index)
        {
            TorchGenerator.FromState(seed, words, index); // refuses what no generator could be in
            Seed = seed;
            _words = words.ToArray();
            Index = index;
        }

        /// <summary>The seed the generator was made with.</summary>
        public long Seed { get; }

        /// <summary>The engine's 624 state words.</summary>
        public ReadOnlySpan<uint> Words => _words;

        /// <summary>The engine's position within <see cref="Words"/>.</summary>
        public int Index { get; }

        /// <summary>The position of <paramref name="generator"/> now.</summary>
        public static TorchGeneratorState Of(TorchGenerator generator)
        {
            var words = new uint[Mt19937.StateWords];
            int index = generator.CopyState(words);
            return new TorchGeneratorState(generator.Seed, words, index);
        }

        /// <inheritdoc/>
        public override MlpBatchGenerator Resume() => MlpBatchGenerator.From(TorchGenerator.FromState(Seed, _words, Index));
    }
}
