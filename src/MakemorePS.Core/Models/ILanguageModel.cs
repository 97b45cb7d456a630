using System;
using System.Collections.Generic;

namespace MakemorePS.Core.Models
{
    /// <summary>A character-level language model: P(next symbol | the previous <see cref="ContextLength"/> symbols).</summary>
    public interface ILanguageModel
    {
        /// <summary>"Counts", "Neural" (bigram), "Mlp".</summary>
        string KindName { get; }

        /// <summary>The symbols, boundary '.' at index 0.</summary>
        Vocabulary Vocabulary { get; }

        /// <summary>1 for bigram models, BlockSize for the MLP.</summary>
        int ContextLength { get; }

        /// <summary>The distinct training names.</summary>
        IReadOnlyList<string> TrainingNames { get; }

        /// <summary>Whether the name is one of the training names (ordinal).</summary>
        bool IsTrainingName(string name);

        /// <summary>
        /// Writes log P(next | context) for <paramref name="count"/> contexts. contexts: count × ContextLength symbol indices,
        /// oldest first, left-padded with Vocabulary.BoundaryIndex; destination: count × Vocabulary.Count.
        /// </summary>
        void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination);
    }
}
