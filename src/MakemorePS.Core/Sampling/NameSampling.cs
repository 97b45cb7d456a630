using System;
using System.Collections.Generic;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>Sampling for any <see cref="ILanguageModel"/>: the model's own sampler when it has one, the generic one otherwise.</summary>
    public static class NameSampling
    {
        /// <summary>
        /// A sampler for <paramref name="model"/> at <paramref name="temperature"/>: the model's own
        /// (<see cref="ISpecializedLanguageModel.CreateSampler"/>) or a <see cref="ContextSampler"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">The temperature is not a finite number greater than 0.</exception>
        public static INameSampler CreateSampler(ILanguageModel model, double temperature = 1.0)
        {
            if (model is null)
            {
                throw new ArgumentNullException(nameof(model));
            }

            SampleOptions.ValidateTemperature(temperature, nameof(temperature));
            return model is ISpecializedLanguageModel specialized ? specialized.CreateSampler(temperature) : new ContextSampler(model, temperature);
        }

        /// <summary>Draws names from <paramref name="model"/> as <paramref name="options"/> say (see <see cref="INameSampler.Sample"/>).</summary>
        public static IEnumerable<string> Sample(ILanguageModel model, SampleOptions options)
        {
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            return CreateSampler(model, options.Temperature).Sample(options);
        }
    }
}
