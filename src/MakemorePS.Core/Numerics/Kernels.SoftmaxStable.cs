using System;

namespace MakemorePS.Core.Numerics
{
    /// <summary>
    /// Numeric kernels in TensorPrimitives style: spans in, destination span last. Every target runs the same
    /// TensorPrimitives kernels; the tests check each against a plain scalar loop (tests' ScalarKernels).
    /// </summary>
    public static partial class Kernels
    {
        /// <summary>destination[i] = exp(x[i] − max(x)) / Σ_j exp(x[j] − max(x)) in double precision (scalar; used for model tables).</summary>
        public static void SoftmaxStable(ReadOnlySpan<double> x, Span<double> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            if (x.Length == 0)
            {
                return;
            }

            double max = x[0];
            for (int i = 1; i < x.Length; i++)
            {
                max = Math.Max(max, x[i]);
            }

            double sum = 0.0;
            for (int i = 0; i < x.Length; i++)
            {
                double e = Math.Exp(x[i] - max);
                destination[i] = e;
                sum += e;
            }

            for (int i = 0; i < x.Length; i++)
            {
                destination[i] /= sum;
            }
        }
    }
}
