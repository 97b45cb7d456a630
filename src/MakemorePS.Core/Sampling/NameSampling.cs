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

        /// <summary>The vocabulary indices of the symbols of <paramref name="prefix"/>; empty for no prefix.</summary>
        /// <exception cref="ArgumentException">The prefix has more than <paramref name="maxLength"/> symbols.</exception>
        /// <exception cref="UnknownCharacterException">The prefix holds a symbol the vocabulary lacks.</exception>
        /// <exception cref="InvalidNameException">The prefix holds the boundary token '.' or an unpaired surrogate.</exception>
        internal static int[] EncodePrefix(Vocabulary vocabulary, string? prefix, int maxLength)
        {
            if (string.IsNullOrEmpty(prefix))
            {
                return Array.Empty<int>();
            }

            NameNormalizer.Validate(prefix!);
            var indices = new List<int>();
            if (!vocabulary.TryEncode(prefix!, indices, out string? unknownSymbol))
            {
                throw new UnknownCharacterException(prefix!, unknownSymbol!);
            }

            if (indices.Count > maxLength)
            {
                throw new ArgumentException($"The prefix '{prefix}' has {indices.Count} symbols, more than the maximum length of {maxLength}.", nameof(prefix));
            }

            return indices.ToArray();
        }
    }
}
