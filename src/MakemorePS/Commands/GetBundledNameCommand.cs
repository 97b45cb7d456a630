using System.Collections.Generic;
using System.Management.Automation;
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
