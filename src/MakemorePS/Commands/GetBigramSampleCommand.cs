using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>Get-BigramSample: new names drawn from a model one character at a time, reproducibly for a given seed.</summary>
    [Cmdlet(VerbsCommon.Get, "BigramSample")]
    [OutputType(typeof(string))]
    public sealed class GetBigramSampleCommand : PSCmdlet
    {
        /// <summary>The model to sample from.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? Model { get; set; }

        /// <summary>How many names to draw (default 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; } = 10;

        /// <summary>Seeds the draws: the same model, seed and settings give the same names everywhere (default 2147483647).</summary>
        [Parameter]
        public long Seed { get; set; } = 2147483647L;

        /// <summary>Below 1 sharpens the distribution towards likely characters, above 1 flattens it (default 1).</summary>
        [Parameter]
        [ValidatePositive]
        public double Temperature { get; set; } = 1.0;

        /// <summary>Every name starts with this text, which must be made of characters the model knows.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Prefix { get; set; }

        /// <summary>Names are cut at this many characters (default 64).</summary>
        [Parameter]
        [ValidateRange(1, SampleOptions.MaxLengthLimit)]
        public int MaxLength { get; set; } = 64;

        /// <summary>
        /// Draws again whenever a name is one of the model's training names, so every name emitted is new. (Empty
        /// draws are always drawn again.)
        /// </summary>
        [Parameter]
        public SwitchParameter ExcludeTrainingNames { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            BigramModel model = Model!;
            string? prefix = string.IsNullOrEmpty(Prefix) ? null : Prefix;
            var options = new SampleOptions
            {
                Count = Count,
                Seed = Seed,
                Temperature = Temperature,
                MaxLength = MaxLength,
                Prefix = prefix,
                ExcludeTrainingNames = ExcludeTrainingNames.IsPresent,
            };

            if (options.ExcludeTrainingNames && model.TrainingNames.Count == 0)
            {
                WriteWarning("The model holds no training names, so -ExcludeTrainingNames excludes nothing.");
            }

            if (prefix != null && !CheckPrefix(model, prefix))
            {
                return;
            }

            try
            {
                foreach (string name in new BigramSampler(model, options.Temperature).Sample(options))
                {
                    WriteObject(name);
                }
            }
            catch (NoNovelNamesException exception)
            {
                ThrowTerminatingError(NoNamesError(model, exception));
            }
        }

        /// <summary>Terminates with an error naming what is wrong with -Prefix for this model, or returns true.</summary>
        private bool CheckPrefix(BigramModel model, string prefix)
        {
            try
            {
                NameNormalizer.Validate(prefix);
            }
            catch (InvalidNameException exception)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' cannot start a name: {exception.Message}", exception),
                    ErrorIds.InvalidName, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            var indices = new List<int>();
            if (!model.Vocabulary.TryEncode(prefix, indices, out string? unknown))
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' contains '{unknown}' (U+{char.ConvertToUtf32(unknown!, 0):X4}), which the model's vocabulary does not know, so no name can start with it. Use only the model's characters: '{SymbolsOf(model)}'."),
                    ErrorIds.UnknownCharacter, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            if (indices.Count > MaxLength)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' has {Messages.Count(indices.Count, "character")}, more than -MaxLength ({MaxLength}), and names are cut at -MaxLength. Use a shorter -Prefix or a larger -MaxLength."),
                    ErrorIds.PrefixTooLong, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            return true;
        }

        private ErrorRecord NoNamesError(BigramModel model, NoNovelNamesException exception)
        {
            string produced = exception.NamesProduced == 0 ? string.Empty : $" (after {Messages.Count(exception.NamesProduced, "name")})";
            if (!ExcludeTrainingNames.IsPresent)
            {
                // Only empty draws are rejected without -ExcludeTrainingNames: the model ends names at once.
                double endAtOnce = model.GetProbability(Vocabulary.BoundaryIndex, Vocabulary.BoundaryIndex);
                return ErrorRecords.Create(
                    new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                        "The model ended {0:N0} names in a row right after their start{1}: it gives the end token '.' a probability of {2:G4} after the start, so it draws almost only empty names, which are skipped. Use a -Prefix, or a model trained on names.",
                        exception.Attempts, produced, endAtOnce), exception),
                    ErrorIds.OnlyEmptyNames, ErrorCategory.LimitsExceeded, model);
            }

            return ErrorRecords.Create(
                new InvalidOperationException(string.Format(CultureInfo.InvariantCulture,
                    "No novel name in {0:N0} draws in a row{1}: every draw was one of the model's training names (or empty). Raise -Temperature, use a -Prefix, or leave out -ExcludeTrainingNames.",
                    exception.Attempts, produced), exception),
                exception.ErrorId, ErrorCategory.LimitsExceeded, model);
        }

        private static string SymbolsOf(BigramModel model)
        {
            var symbols = new System.Text.StringBuilder();
            for (int i = 0; i < model.VocabularySize; i++)
            {
                if (i != Vocabulary.BoundaryIndex)
                {
                    symbols.Append(model.Vocabulary.GetSymbol(i));
                }
            }

            return symbols.ToString();
        }
    }
}
