using System.Management.Automation;
using MakemorePS.Common;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Commands
{
    /// <summary>Get-BigramSample: new names drawn from a model one character at a time, reproducibly for a given seed.</summary>
    [Cmdlet(VerbsCommon.Get, "BigramSample")]
    [OutputType(typeof(string))]
    public sealed class GetBigramSampleCommand : NameSampleCommandBase
    {
        /// <summary>The bigram model to sample from; another kind of model is refused per model (BigramModelRequired).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public ILanguageModel? Model { get; set; }

        /// <inheritdoc/>
        protected override void ProcessRecord()
        {
            if (Model is BigramModel model)
            {
                WriteSamples(model);
                return;
            }

            WriteError(ErrorRecords.NotABigramModel(MyInvocation.MyCommand.Name, Model!, "Use Get-NameSample, which draws names from any model and takes the same parameters."));
        }
    }
}
