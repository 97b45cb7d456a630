using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>
    /// Get-NameSample: new names drawn from any language model (count, neural bigram or MLP) one character at a time,
    /// reproducibly for a given seed. Get-BigramSample stays for bigram models and draws the same names.
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "NameSample")]
    [OutputType(typeof(string))]
    public sealed class GetNameSampleCommand : NameSampleCommandBase
    {
        /// <summary>The model to sample from: any MakemorePS language model.</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord() => WriteSamples(Model!);
    }
}
