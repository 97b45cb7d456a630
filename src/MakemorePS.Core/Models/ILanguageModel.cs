using System;
using System.Collections.Generic;

namespace MakemorePS.Core.Models
{
    /// <summary>
    /// A character-level language model: P(next symbol | the previous <see cref="ContextLength"/> symbols). Sampling
    /// (<see cref="NameSampling"/>) and scoring (<see cref="NameScoring"/>) work over this interface, so the cmdlets
    /// never branch on model kinds. A model with faster paths of its own also implements
    /// <see cref="ISpecializedLanguageModel"/>.
    /// </summary>
    public interface ILanguageModel
    {
        /// <summary>What kind of model this is, for display and files: "Counts", "Neural" (the bigram models) or "Mlp".</summary>
        string KindName { get; }

        /// <summary>The symbols, boundary '.' at index 0.</summary>
        Vocabulary Vocabulary { get; }

        /// <summary>How many previous symbols the model conditions on: 1 for bigram models, the block size for the MLP.</summary>
        int ContextLength { get; }

        /// <summary>The distinct training names, in first-seen order (samplers exclude them on request).</summary>
        IReadOnlyList<string> TrainingNames { get; }

        /// <summary>Whether <paramref name="name"/> is one of the training names (ordinal comparison).</summary>
        bool IsTrainingName(string name);

        /// <summary>
        /// Writes ln P(next | context) for <paramref name="count"/> contexts.
        /// </summary>
        /// <param name="contexts">
        /// count × <see cref="ContextLength"/> symbol indices, oldest first, left-padded with
        /// <see cref="Vocabulary.BoundaryIndex"/> at the start of a name.
        /// </param>
        /// <param name="count">How many contexts.</param>
        /// <param name="destination">count × <see cref="Vocabulary"/>.Count log-probabilities, one row per context (−∞ for an impossible symbol, never NaN).</param>
        void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination);
    }
}
