using System;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// BatchNorm1d as in makemore part 3: y = gain·(x − μ)/σ + bias over the batch, with σ torch's unbiased std
    /// √(Σ(x − μ)²/(N − 1) + ε); evaluation uses running μ and σ instead (see MlpInference).
    /// </summary>
    internal static class BatchNormLayer
    {
        /// <summary>
        /// Training forward for x (N×H): mean (H) = μ, std (H) = σ, xhat (N×H) = (x − μ)/σ, y (N×H) = gain·xhat + bias.
        /// inverse (H) is scratch. Returns false, with nothing else guaranteed, when some σ is 0 or not finite.
        /// </summary>
        public static bool Forward(ReadOnlySpan<float> x, int rows, ReadOnlySpan<float> gain, ReadOnlySpan<float> bias, float epsilon,
            Span<float> mean, Span<float> std, Span<float> inverse, Span<float> xhat, Span<float> y)
        {
            Kernels.ColumnSums(x, mean);
            Kernels.Multiply(mean, 1f / rows, mean);

            // xhat holds x − μ first; std the column sums Σ(x − μ)².
            Kernels.CenterColumns(x, mean, xhat, std);

            bool valid = Kernels.BatchNormStd(std, 1f / (rows - 1), epsilon, std, inverse);
            Kernels.NormalizeColumns(xhat, inverse, gain, bias, xhat, y);
            return valid;
        }

        /// <summary>running ← (1 − m)·running + m·batch, for the running mean and std (no gradient flows here).</summary>
        public static void UpdateRunning(ReadOnlySpan<float> batch, float momentum, Span<float> running)
        {
            Kernels.Multiply(running, 1f - momentum, running);
            Kernels.MultiplyAdd(batch, momentum, running, running);
        }

        /// <summary>
        /// Backward from dy (N×H): dGain = Σ_n xhat·dy, dBias = Σ_n dy, and
        /// dx = gain/σ · (dy − dBias/N − xhat·dGain/(N − 1)), the unbiased std's gradient (makemore part 4, with N − 1).
        /// scale, offset and slope (H each) are scratch.
        /// </summary>
        public static void Backward(ReadOnlySpan<float> dy, ReadOnlySpan<float> xhat, int rows, ReadOnlySpan<float> gain, ReadOnlySpan<float> inverseStd,
            Span<float> dGain, Span<float> dBias, Span<float> dx, Span<float> scale, Span<float> offset, Span<float> slope)
        {
            Kernels.ColumnSumsWithProducts(xhat, dy, dBias, dGain);

            // dx = dy·scale + offset + xhat·slope, with scale = gain/σ, offset = −scale·dBias/N, slope = −scale·dGain/(N − 1).
            Kernels.Multiply(gain, inverseStd, scale);
            Kernels.Multiply(scale, dBias, offset);
            Kernels.Multiply(offset, -1f / rows, offset);
            Kernels.Multiply(scale, dGain, slope);
            Kernels.Multiply(slope, -1f / (rows - 1), slope);
            Kernels.BatchNormInputGradient(dy, xhat, scale, offset, slope, dx);
        }
    }
}
