using System.Management.Automation;
using MakemorePS.Core;
using MakemorePS.Core.Models;

namespace MakemorePS.Common
{
    /// <summary>
    /// What Get-NameSample and Get-BigramSample share apart from the type of model they take: the sampling parameters
    /// (-Count, -Seed, -Temperature, -Prefix, -MaxLength, -ExcludeTrainingNames), turned into one SampleOptions.
    /// </summary>
    public abstract class NameSampleCommandBase : PSCmdlet
    {
        /// <summary>How many names to draw (default 10).</summary>
        [Parameter]
        [ValidateRange(0, int.MaxValue)]
        public int Count { get; set; } = 10;

        /// <summary>Seeds the draws: the same model, seed and settings give the same names everywhere (default 2147483647).</summary>
        [Parameter]
        public long Seed { get; set; } = 2147483647L;

        /// <summary>Below 1 sharpens the distribution towards likely characters, above 1 flattens it (default 1).</summary>
        [Parameter]
        [ValidatePositive]
        public double Temperature { get; set; } = 1.0;

        /// <summary>Every name starts with this text, which must be made of characters the model knows.</summary>
        [Parameter]
        [AllowEmptyString]
        public string? Prefix { get; set; }

        /// <summary>Names are cut at this many characters (default 64).</summary>
        [Parameter]
        [ValidateRange(1, SampleOptions.MaxLengthLimit)]
        public int MaxLength { get; set; } = 64;

        /// <summary>
        /// Draws again whenever a name is one of the model's training names, so every name emitted is new. (Empty
        /// draws are always drawn again.)
        /// </summary>
        [Parameter]
        public SwitchParameter ExcludeTrainingNames { get; set; }

        /// <summary>Writes the names drawn from <paramref name="model"/> as the parameters say (see <see cref="NameSampleOutput"/>).</summary>
        private protected void WriteSamples(ILanguageModel model)
        {
            var options = new SampleOptions
            {
                Count = Count,
                Seed = Seed,
                Temperature = Temperature,
                MaxLength = MaxLength,
                Prefix = string.IsNullOrEmpty(Prefix) ? null : Prefix,
                ExcludeTrainingNames = ExcludeTrainingNames.IsPresent,
            };
            NameSampleOutput.Write(this, model, options);
        }
    }
}
