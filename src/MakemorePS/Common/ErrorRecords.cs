using System;
using System.Management.Automation;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Common
{
    /// <summary>Builds the error records the cmdlets write, so each carries a stable ID, a category and its target.</summary>
    internal static class ErrorRecords
    {
        /// <summary>An error record with an explicit ID.</summary>
        internal static ErrorRecord Create(Exception exception, string errorId, ErrorCategory category, object? target)
            => new ErrorRecord(exception, errorId, category, target);

        /// <summary>An error record for a core exception, under the ID the core gave it.</summary>
        internal static ErrorRecord FromCore<TException>(TException exception, ErrorCategory category, object? target)
            where TException : Exception, IMakemoreError
            => new ErrorRecord(exception, exception.ErrorId, category, target);

        /// <summary>
        /// The error of a bigram-only cmdlet given another kind of model (an MLP): it says what the cmdlet takes and
        /// <paramref name="instead"/>, what to use for that model.
        /// </summary>
        internal static ErrorRecord NotABigramModel(string cmdletName, ILanguageModel model, string instead)
            => new ErrorRecord(
                new PSArgumentException($"{cmdletName} takes only bigram models (New-BigramModel, Invoke-BigramTraining), and this model is {model}. {instead}"),
                ErrorIds.BigramModelRequired, ErrorCategory.InvalidType, model);
    }
}
