using System;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

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
        private const string CompareOtherModels =
            "To compare it with other models, score the same dev names with each (Measure-NameLikelihood -Model $model -Summary) and compare their MeanNegativeLogLikelihood.";

        /// <summary>The bigram model compared against: KL(reference ‖ difference) weighs rows by its counts. Another kind of model stops the command (BigramModelRequired).</summary>
        [Parameter(Mandatory = true, Position = 0)]
        [ValidateNotNull]
        public ILanguageModel? ReferenceModel { get; set; }

        /// <summary>The bigram model compared with the reference; may come from the pipeline. Another kind of model is refused per model (BigramModelRequired).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? DifferenceModel { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (!(ReferenceModel is BigramModel))
            {
                ThrowTerminatingError(ErrorRecords.NotABigramModel(MyInvocation.MyCommand.Name, ReferenceModel!, CompareOtherModels));
            }
        }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            var reference = (BigramModel)ReferenceModel!;
            if (!(DifferenceModel is BigramModel difference))
            {
                WriteError(ErrorRecords.NotABigramModel(MyInvocation.MyCommand.Name, DifferenceModel!, CompareOtherModels));
                return;
            }

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
