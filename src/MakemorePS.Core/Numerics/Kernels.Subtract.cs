using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i] − y[i].</summary>
        /// <remarks>destination may be the same memory as x or y (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Subtract(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Subtract(x, y, destination);
#else
            SubtractScalar(x, y, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="Subtract(ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static void SubtractScalar(ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] - y[i];
            }
        }
    }
}
