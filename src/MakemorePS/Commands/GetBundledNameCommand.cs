using System.Collections.Generic;
using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>Get-BundledName: the names that ship with the module (US SSA baby names of 2018), in file order.</summary>
    [Cmdlet(VerbsCommon.Get, "BundledName")]
    [OutputType(typeof(string))]
    public sealed class GetBundledNameCommand : PSCmdlet
    {
        /// <summary>Emits only the first Count names (default: all of them).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; } = int.MaxValue;

        /// <inheritdoc/>
        protected override void BeginProcessing()
        {
            // Nothing binds pipeline input, so without this each piped object would get a binding error and then
            // every bundled name would follow anyway. Stopping before the first object arrives says it once.
            if (MyInvocation.ExpectingInput)
            {
                ThrowTerminatingError(ErrorRecords.Create(
                    new PSArgumentException("Get-BundledName takes no pipeline input: it always emits the bundled names. To choose among them, filter its output (Get-BundledName | Where-Object { $_ -like 'a*' }); to take the first few, use -Count."),
                    ErrorIds.PipelineInputNotAccepted, ErrorCategory.InvalidArgument, null));
            }
        }

        /// <inheritdoc/>
        protected override void EndProcessing()
        {
            IReadOnlyList<string> names = BundledNames.Names;
            int count = System.Math.Min(Count, names.Count);
            for (int i = 0; i < count; i++)
            {
                WriteObject(names[i]);
            }
        }
    }
}
