using System;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>Scoring for any <see cref="ILanguageModel"/>: the model's own scorer when it has one, the generic one otherwise.</summary>
    public static class NameScoring
    {
        /// <summary>
        /// A scorer for <paramref name="model"/>: the model's own (<see cref="ISpecializedLanguageModel.CreateScorer"/>)
        /// or a <see cref="ContextScorer"/>.
        /// </summary>
        /// <param name="model">The model.</param>
        /// <param name="lowerCase">Lower-case every name (invariant culture) before scoring it.</param>
        public static INameScorer CreateScorer(ILanguageModel model, bool lowerCase = false)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            return model is ISpecializedLanguageModel specialized ? specialized.CreateScorer(lowerCase) : new ContextScorer(model, lowerCase);
        }
    }
}
