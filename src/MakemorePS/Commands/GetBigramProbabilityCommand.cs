using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Get-BigramProbability: a model's probabilities P(next | current) for all V² pairs, in long form or, with
    /// -AsMatrix, as one row per current character ready for Export-Csv.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BigramProbability")]
    [OutputType(typeof(BigramProbabilityRecord))]
    [OutputType(typeof(PSObject))]
    public sealed class GetBigramProbabilityCommand : PSCmdlet
    {
        /// <summary>The bigram model whose probabilities to emit; another kind of model is refused per model (BigramModelRequired).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <summary>Emits one object per current character with one property per next character (each row sums to 1).</summary>
        [Parameter]
        public SwitchParameter AsMatrix { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (!(Model is BigramModel model))
            {
                WriteError(ErrorRecords.NotABigramModel(MyInvocation.MyCommand.Name, Model!,
                    "Its next-character probabilities depend on more than the last character: Measure-NameLikelihood -Detailed gives the probability of each character of names in its context."));
                return;
            }

            if (AsMatrix.IsPresent)
            {
                foreach (PSObject row in MatrixRows.From(model.Vocabulary, model.GetProbability))
                {
                    WriteObject(row);
                }

                return;
            }

            foreach (BigramProbabilityRecord record in model.EnumerateProbabilities())
            {
                WriteObject(record);
            }
        }
    }
}
