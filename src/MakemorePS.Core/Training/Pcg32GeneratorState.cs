using System;

namespace MakemorePS.Core
{
    /// <summary>The position of the PCG32 generator that models first saved in format 2 draw their batches from.</summary>
    internal sealed class Pcg32GeneratorState : MlpGeneratorState
    {
        /// <summary>A position from saved values.</summary>
        /// <exception cref="ArgumentException">The increment is even (no generator has one).</exception>
        public Pcg32GeneratorState(ulong state, ulong increment)
        {
            Pcg32.FromState(state, increment); // refuses an even increment
            State = state;
            Increment = increment;
        }

        /// <summary>The 64-bit state.</summary>
        public ulong State { get; }

        /// <summary>The odd stream increment.</summary>
        public ulong Increment { get; }

        /// <inheritdoc/>
        public override MlpBatchGenerator Resume() => MlpBatchGenerator.From(Pcg32.FromState(State, Increment));
    }
}
