using System;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Compare-BigramModel: how far apart two models' next-character distributions are, overall and row by row
    /// (largest absolute difference and KL divergence of the difference model from the reference model).
    /// </summary>
    [Cmdlet(VerbsData.Compare, "BigramModel")]
    [OutputType(typeof(ModelComparison))]
    public sealed class CompareBigramModelCommand : PSCmdlet
    {
        /// <summary>The model compared against: KL(reference ‖ difference) weighs rows by its counts.</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public BigramModel? ReferenceModel { get; set; }

        /// <summary>The model compared with the reference; may come from the pipeline.</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? DifferenceModel { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            BigramModel reference = ReferenceModel!;
            BigramModel difference = DifferenceModel!;
            if (!reference.Vocabulary.Equals(difference.Vocabulary))
            {
                // Per model: the other models of the pipeline are still compared.
                WriteError(ErrorRecords.Create(
                    new PSArgumentException($"The models have different vocabularies ('{reference.Vocabulary}' and '{difference.Vocabulary}'), so their rows cannot be compared. Compare models built from the same names, or train one from the other (Invoke-BigramTraining -Model)."),
                    ErrorIds.VocabularyMismatch, ErrorCategory.InvalidArgument, difference));
                return;
            }

            WriteObject(ModelComparison.Compare(reference, difference));
        }
    }
}
