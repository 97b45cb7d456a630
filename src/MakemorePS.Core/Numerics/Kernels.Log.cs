using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = ln x[i] (−∞ for 0, NaN for negative x).</summary>
        /// <remarks>destination may be the same memory as x (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void Log(ReadOnlySpan<float> x, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.Log(x, destination);
#else
            LogScalar(x, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="Log(ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static void LogScalar(ReadOnlySpan<float> x, Span<float> destination)
        {
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (float)Math.Log(x[i]);
            }
        }
    }
}
