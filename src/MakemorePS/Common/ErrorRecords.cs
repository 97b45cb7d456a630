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
        /// An error record for an invalid argument found by the core, with its message alone: without the
        /// " (Parameter 'name')" and "Actual value was …" lines .NET adds, which name C# parameters, not the cmdlet's.
        /// </summary>
        internal static ErrorRecord FromArgument(ArgumentException exception, string errorId, object? target)
            => new ErrorRecord(new PSArgumentException(MessageOnly(exception), exception), errorId, ErrorCategory.InvalidArgument, target);

        /// <summary>
        /// The error of a bigram-only cmdlet given another kind of model (an MLP): it says what the cmdlet takes and
        /// <paramref name="instead"/>, what to use for that model.
        /// </summary>
        internal static ErrorRecord NotABigramModel(string cmdletName, ILanguageModel model, string instead)
            => new ErrorRecord(
                new PSArgumentException($"{cmdletName} takes only bigram models (New-BigramModel, Invoke-BigramTraining), and this model is {model}. {instead}"),
                ErrorIds.BigramModelRequired, ErrorCategory.InvalidType, model);

        /// <summary>The message of <paramref name="exception"/> without the parameter name and actual value .NET appends.</summary>
        internal static string MessageOnly(ArgumentException exception)
        {
            // The runtime's own suffix for this parameter and value (localized as the message is), built and cut off.
            string suffix = exception is ArgumentOutOfRangeException outOfRange
                ? new ArgumentOutOfRangeException(outOfRange.ParamName, outOfRange.ActualValue, string.Empty).Message
                : new ArgumentException(string.Empty, exception.ParamName).Message;
            string message = exception.Message;
            return suffix.Length > 0 && message.EndsWith(suffix, StringComparison.Ordinal) ? message.Substring(0, message.Length - suffix.Length) : message;
        }
    }
}
