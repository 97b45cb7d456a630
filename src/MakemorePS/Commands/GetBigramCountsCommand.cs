using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Get-BigramCounts: how often each character follows each other in names, as one record per observed bigram or,
    /// with -AsMatrix, as one row per current character ready for Export-Csv.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "BigramCounts", DefaultParameterSetName = NameSet)]
    [OutputType(typeof(BigramCountRecord))]
    [OutputType(typeof(PSObject))]
    public sealed class GetBigramCountsCommand : NameInputCommandBase
    {
        /// <summary>Emits one object per current character with one property per next character (the V×V table).</summary>
        [Parameter]
        public SwitchParameter AsMatrix { get; set; }

        /// <inheritdoc/>
        protected override void BeginProcessing() => BeginNameInput();

        /// <inheritdoc/>
        protected override void ProcessRecord() => ProcessNameInput();

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            BigramCounts counts = CompleteNameInput(out _);
            if (AsMatrix.IsPresent)
            {
                foreach (PSObject row in MatrixRows.From(counts.Vocabulary, (current, next) => counts[current, next]))
                {
                    WriteObject(row);
                }

                return;
            }

            foreach (BigramCountRecord record in counts.EnumerateObserved())
            {
                WriteObject(record);
            }
        }
    }
}
