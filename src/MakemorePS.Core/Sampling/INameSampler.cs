using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>Draws names from one language model, reproducibly for a seed.</summary>
    public interface INameSampler
    {
        /// <summary>The temperature the sampler was prepared for; other temperatures in the options cost a new preparation.</summary>
        double Temperature { get; }

        /// <summary>
        /// Lazily draws <see cref="SampleOptions.Count"/> names as the options say. The options are checked when this
        /// is called; each enumeration starts afresh from the seed, so it yields the same names every time.
        /// </summary>
        /// <exception cref="System.ArgumentOutOfRangeException">An option is out of range.</exception>
        /// <exception cref="System.ArgumentException">The prefix is longer than <see cref="SampleOptions.MaxLength"/>.</exception>
        /// <exception cref="UnknownCharacterException">The prefix holds a symbol the model does not know.</exception>
        /// <exception cref="InvalidNameException">The prefix holds the boundary token '.' or an unpaired surrogate.</exception>
        /// <exception cref="NoNovelNamesException">(While enumerating.) Too many rejected draws in a row.</exception>
        IEnumerable<string> Sample(SampleOptions options);
    }
}
