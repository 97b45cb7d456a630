using System;
using System.Numerics.Tensors;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = tanh x[i]; finite inputs of any size give values in [−1, 1], never NaN.</summary>
        /// <remarks>
        /// TensorPrimitives.Tanh works on expm1(−2|x|), so large |x| saturates to ±1 instead of overflowing as
        /// (e^2x − 1)/(e^2x + 1) would. destination may be the same memory as x (in place).
        /// </remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Tanh(ReadOnlySpan<float> x, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Tanh(x, destination);
        }
    }
}
