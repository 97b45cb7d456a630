using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// Scores names under one language model: ln P of every symbol and of the final '.', each given the symbols
    /// before it. Thread-safe when the model is.
    /// </summary>
    /// <remarks>
    /// A name the model cannot score throws for that name alone: <see cref="UnknownCharacterException"/> for a symbol
    /// outside the vocabulary, <see cref="InvalidNameException"/> for '.' or an unpaired surrogate.
    /// </remarks>
    public interface INameScorer
    {
        /// <summary>Whether names are lower-cased (invariant culture) before scoring.</summary>
        bool LowerCase { get; }

        /// <summary>Scores one name; with <paramref name="detailed"/> the score lists every position (<see cref="NameScore.GetPositions"/>).</summary>
        NameScore Score(string name, bool detailed = false);

        /// <summary>The log-likelihood of one name and its number of scored positions (symbols + 1).</summary>
        double GetLogLikelihood(string name, out int positionCount);

        /// <summary>
        /// Scores many names into one summary (total NLL / total positions). A name that cannot be scored is left out
        /// and handed to <paramref name="onRejectedName"/>; without a handler its exception is thrown.
        /// </summary>
        DatasetScore ScoreDataset(IEnumerable<string> names, Action<Exception>? onRejectedName = null);
    }
}
