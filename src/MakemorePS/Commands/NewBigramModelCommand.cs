using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>New-BigramModel: a count model, P(next | current) = (N + k) / Σ(N + k), built from names.</summary>
    [Cmdlet(VerbsCommon.New, "BigramModel", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(BigramModel))]
    public sealed class NewBigramModelCommand : NameInputCommandBase
    {
        /// <summary>k, the count added to every bigram before normalizing (default 1; 0 for raw frequencies).</summary>
        [Parameter]
        [ValidateNonNegative]
        public double Smoothing { get; set; } = 1.0;

        private protected override bool CollectsTrainingNames => true;

        /// <inheritdoc/>
        protected override void BeginProcessing() => BeginNameInput();

        /// <inheritdoc/>
        protected override void ProcessRecord() => ProcessNameInput();

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            BigramCounts counts = CompleteNameInput(out IReadOnlyList<string>? trainingNames);
            WriteObject(BigramModel.FromCounts(counts, Smoothing, trainingNames));
        }
    }
}
