using System;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>Checks that two training-step implementations computed the same thing.</summary>
    internal static class StepChecks
    {
        /// <summary>
        /// Throws unless a step moved the weights from <paramref name="start"/> as the reference step did, to within 0.1% of
        /// the largest move: the textbook sums each gradient cell over up to 228,146 examples in float, as PyTorch does, so
        /// its steps differ from a more careful sum by rounding that lr 50 magnifies.
        /// </summary>
        public static void RequireSameStep(string what, ReadOnlySpan<float> start, ReadOnlySpan<float> weights, ReadOnlySpan<float> reference)
        {
            if (weights.Length != reference.Length || start.Length != reference.Length)
            {
                throw new InvalidOperationException($"The weights of {what} hold {weights.Length} values; the reference holds {reference.Length} and the start {start.Length}.");
            }

            float largestMove = 0f;
            for (int i = 0; i < reference.Length; i++)
            {
                largestMove = Math.Max(largestMove, Math.Abs(reference[i] - start[i]));
            }

            if (!(largestMove > 0f))
            {
                throw new InvalidOperationException($"The reference step did not move the weights; {what} cannot be compared with it.");
            }

            for (int i = 0; i < weights.Length; i++)
            {
                if (!(Math.Abs((weights[i] - start[i]) - (reference[i] - start[i])) <= 1e-3f * largestMove))
                {
                    throw new InvalidOperationException($"One step moved weight {i} of {what} from {start[i]:R} to {weights[i]:R}; the textbook step moved it to {reference[i]:R}.");
                }
            }
        }

        /// <summary>Throws unless two losses agree to a relative 1e-5.</summary>
        public static void RequireSameLoss(string what, double loss, double reference)
        {
            if (!(Math.Abs(loss - reference) <= 1e-5 * Math.Abs(reference)))
            {
                throw new InvalidOperationException($"The loss of {what} is {loss:R}; the textbook step gives {reference:R}.");
            }
        }
    }
}
