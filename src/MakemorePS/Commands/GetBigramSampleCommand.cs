using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;

namespace MakemorePS.Commands
{
    /// <summary>Get-BigramSample: new names drawn from a model one character at a time, reproducibly for a given seed.</summary>
    [Cmdlet(VerbsCommon.Get, "BigramSample")]
    [OutputType(typeof(string))]
    public sealed class GetBigramSampleCommand : NameSampleCommandBase
    {
        /// <summary>The model to sample from.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public BigramModel? Model { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord() => WriteSamples(Model!);
    }
}
