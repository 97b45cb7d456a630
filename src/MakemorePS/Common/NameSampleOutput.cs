using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Common
{
    /// <summary>
    /// What Get-NameSample and Get-BigramSample share once their parameters are bound: the -Prefix checks, the draws
    /// written to the pipeline, and the error that says why no usable name could be drawn.
    /// </summary>
    internal static class NameSampleOutput
    {
        /// <summary>Checks the options against the model, then writes the sampled names; terminates the cmdlet on a bad -Prefix.</summary>
        internal static void Write(PSCmdlet cmdlet, ILanguageModel model, SampleOptions options)
        {
            if (options.ExcludeTrainingNames && model.TrainingNames.Count == 0)
            {
                cmdlet.WriteWarning("The model holds no training names, so -ExcludeTrainingNames excludes nothing.");
            }

            if (options.Prefix != null && !CheckPrefix(cmdlet, model, options.Prefix, options.MaxLength))
            {
                return;
            }

            try
            {
                foreach (string name in NameSampling.Sample(model, options))
                {
                    cmdlet.WriteObject(name);
                }
            }
            catch (NoNovelNamesException exception)
            {
                cmdlet.ThrowTerminatingError(NoNamesError(model, options.ExcludeTrainingNames, exception));
            }
        }

        /// <summary>Terminates with an error naming what is wrong with -Prefix for this model, or returns true.</summary>
        private static bool CheckPrefix(PSCmdlet cmdlet, ILanguageModel model, string prefix, int maxLength)
        {
            try
            {
                NameNormalizer.Validate(prefix);
            }
            catch (InvalidNameException exception)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' cannot start a name: {exception.Message}", exception),
                    ErrorIds.InvalidName, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            var indices = new List<int>();
            if (!model.Vocabulary.TryEncode(prefix, indices, out string? unknown))
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' contains '{unknown}' (U+{char.ConvertToUtf32(unknown!, 0):X4}), which the model's vocabulary does not know, so no name can start with it. Use only the model's characters: '{SymbolsOf(model.Vocabulary)}'."),
                    ErrorIds.UnknownCharacter, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            if (indices.Count > maxLength)
            {
                cmdlet.ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' has {Messages.Count(indices.Count, "character")}, more than -MaxLength ({maxLength}), and names are cut at -MaxLength. Use a shorter -Prefix or a larger -MaxLength."),
                    ErrorIds.PrefixTooLong, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            return true;
        }

        private static ErrorRecord NoNamesError(ILanguageModel model, bool excludeTrainingNames, NoNovelNamesException exception)
        {
            string produced = exception.NamesProduced == 0 ? string.Empty : $" (after {Messages.Count(exception.NamesProduced, "name")})";
            if (!excludeTrainingNames)
            {
                // Only empty draws are rejected without -ExcludeTrainingNames: the model ends names at once.
                return ErrorRecords.Create(
                    new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                        "The model ended {0:N0} names in a row right after their start{1}: it gives the end token '.' a probability of {2:G4} after the start, so it draws almost only empty names, which are skipped. Use a -Prefix, or a model trained on names.",
                        exception.Attempts, produced, EndAtOnceProbability(model)), exception),
                    ErrorIds.OnlyEmptyNames, ErrorCategory.LimitsExceeded, model);
            }

            return ErrorRecords.Create(
                new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "No novel name in {0:N0} draws in a row{1}: every draw was one of the model's training names (or empty). Raise -Temperature, use a -Prefix, or leave out -ExcludeTrainingNames.",
                    exception.Attempts, produced), exception),
                exception.ErrorId, ErrorCategory.LimitsExceeded, model);
        }

        /// <summary>P(end token | the start of a name): the context is boundary padding only.</summary>
        private static double EndAtOnceProbability(ILanguageModel model)
        {
            var start = new int[model.ContextLength];
            for (int i = 0; i < start.Length; i++)
            {
                start[i] = Vocabulary.BoundaryIndex;
            }

            var logProbabilities = new double[model.Vocabulary.Count];
            model.NextSymbolLogProbabilities(start, 1, logProbabilities);
            return Math.Exp(logProbabilities[Vocabulary.BoundaryIndex]);
        }

        /// <summary>The model's characters without the boundary token, as the error messages list them.</summary>
        private static string SymbolsOf(Vocabulary vocabulary)
        {
            var symbols = new System.Text.StringBuilder();
            for (int i = 0; i < vocabulary.Count; i++)
            {
                if (i != Vocabulary.BoundaryIndex)
                {
                    symbols.Append(vocabulary.GetSymbol(i));
                }
            }

            return symbols.ToString();
        }
    }
}
