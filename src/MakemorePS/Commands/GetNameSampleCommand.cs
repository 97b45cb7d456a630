using System;
using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Get-NameSample: new names drawn from any language model (count, neural bigram or MLP) one character at a time,
    /// reproducibly for a given seed. Get-BigramSample stays for bigram models and draws the same names.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NameSample")]
    [OutputType(typeof(string))]
    public sealed class GetNameSampleCommand : PSCmdlet
    {
        /// <summary>The model to sample from: any MakemorePS language model.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>How many names to draw (default 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; } = 10;

        /// <summary>Seeds the draws: the same model, seed and settings give the same names everywhere (default 2147483647).</summary>
        [Parameter]
        public long Seed { get; set; } = SampleOptions.DefaultSeed;

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
        public int MaxLength { get; set; } = SampleOptions.DefaultMaxLength;

        /// <summary>Draws again whenever a name is one of the model's training names, so every name emitted is new.</summary>
        [Parameter]
        public SwitchParameter ExcludeTrainingNames { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            ILanguageModel model = Model!;
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
                foreach (string name in NameSampling.Sample(model, options))
                {
                    WriteObject(name);
                }
            }
            catch (NoNovelNamesException exception)
            {
                string what = ExcludeTrainingNames.IsPresent ? "one of the model's training names (or empty)" : "empty (the model ended the name at once)";
                ThrowTerminatingError(ErrorRecords.Create(
                    new InvalidOperationException($"No usable name in {exception.Attempts} draws in a row (after {exception.NamesProduced} names): every draw was {what}. Raise -Temperature, use a -Prefix, or leave out -ExcludeTrainingNames.", exception),
                    exception.ErrorId, ErrorCategory.LimitsExceeded, model));
            }
        }

        /// <summary>Terminates with an error naming what is wrong with -Prefix for this model, or returns true.</summary>
        private bool CheckPrefix(ILanguageModel model, string prefix)
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
                    new PSArgumentException($"The -Prefix '{prefix}' contains '{unknown}' (U+{char.ConvertToUtf32(unknown!, 0):X4}), which the model's vocabulary does not know, so no name can start with it. Use only the model's characters: '{model.Vocabulary.ToString().Substring(1)}'."),
                    ErrorIds.UnknownCharacter, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            if (indices.Count > MaxLength)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"The -Prefix '{prefix}' has {indices.Count} characters, more than -MaxLength ({MaxLength}), and names are cut at -MaxLength. Use a shorter -Prefix or a larger -MaxLength."),
                    ErrorIds.PrefixTooLong, ErrorCategory.InvalidArgument, prefix));
                return false;
            }

            return true;
        }
    }
}
