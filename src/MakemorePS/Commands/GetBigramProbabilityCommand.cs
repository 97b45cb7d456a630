using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

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
        /// <summary>The model whose probabilities to emit.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? Model { get; set; }

        /// <summary>Emits one object per current character with one property per next character (each row sums to 1).</summary>
        [Parameter]
        public SwitchParameter AsMatrix { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            BigramModel model = Model!;
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
