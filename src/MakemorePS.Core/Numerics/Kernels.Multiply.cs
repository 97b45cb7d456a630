using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i]·scale.</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Multiply(ReadOnlySpan<float> x, float scale, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Multiply(x, scale, destination);
#else
            MultiplyScalar(x, scale, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="Multiply(ReadOnlySpan{float}, float, Span{float})"/>.</summary>
        public static void MultiplyScalar(ReadOnlySpan<float> x, float scale, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] * scale;
            }
        }
    }
}
