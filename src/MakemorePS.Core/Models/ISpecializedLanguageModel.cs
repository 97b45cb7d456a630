namespace MakemorePS.Core.Models
{
    /// <summary>
    /// Optional for a language model: it supplies its own sampler and scorer, faster than the generic ones that
    /// <see cref="NameSampling"/> and <see cref="NameScoring"/> build on
    /// <see cref="ILanguageModel.NextSymbolLogProbabilities"/>. They must draw and score the same distributions.
    /// The bigram model does (alias tables, a table of ln P); a model without it still samples and scores.
    /// </summary>
    public interface ISpecializedLanguageModel : ILanguageModel
    {
        /// <summary>A sampler for this model at <paramref name="temperature"/> (T &gt; 0, finite).</summary>
        INameSampler CreateSampler(double temperature);

        /// <summary>A scorer for this model; with <paramref name="lowerCase"/> it lower-cases names (invariant culture) first.</summary>
        INameScorer CreateScorer(bool lowerCase);
    }
}
