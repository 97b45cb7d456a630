using System;
using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Split-NameSet: a seeded, reproducible split of names into training, dev and test sets (80/10/10 by default, as in
    /// makemore part 2), for any model.
    /// </summary>
    [Cmdlet(VerbsCommon.Split, "NameSet", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(NameSplit))]
    public sealed class SplitNameSetCommand : NameInputCommandBase
    {
        /// <summary>Seeds the shuffle (default 42, the lecture's).</summary>
        [Parameter]
        public long Seed { get; set; } = NameSplit.DefaultSeed;

        /// <summary>The share of names in the training set (default 0.8).</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double TrainFraction { get; set; } = 0.8;

        /// <summary>The share of names in the dev set (default 0.1); the rest is the test set.</summary>
        [Parameter]
        [ValidateRange(0.0, 1.0)]
        public double DevFraction { get; set; } = 0.1;

        private protected override bool CollectsTrainingNames => true;

        private protected override bool KeepsDuplicateNames => true;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            if (TrainFraction + DevFraction > 1.0)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException($"-TrainFraction ({TrainFraction}) and -DevFraction ({DevFraction}) add up to more than 1, so no split can hold them. Lower one of them; the test set gets what is left."),
                    ErrorIds.InvalidSplit, ErrorCategory.InvalidArgument, null));
            }

            BeginNameInput();
        }

        /// <inheritdoc/>
        protected override void ProcessRecord() => ProcessNameInput();

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            CompleteNameInput(out IReadOnlyList<string>? names);
            WriteObject(NameSplit.Create(names!, Seed, TrainFraction, DevFraction));
        }
    }
}
