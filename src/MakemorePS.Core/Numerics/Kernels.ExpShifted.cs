using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = exp(x[i] − shift); with shift ≥ max(x) no element can overflow.</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void ExpShifted(ReadOnlySpan<float> x, float shift, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Subtract(x, shift, destination);
            TensorPrimitives.Exp(destination, destination);
#else
            ExpShiftedScalar(x, shift, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="ExpShifted(ReadOnlySpan{float}, float, Span{float})"/>.</summary>
        public static void ExpShiftedScalar(ReadOnlySpan<float> x, float shift, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)Math.Exp(x[i] - shift);
            }
        }
    }
}
