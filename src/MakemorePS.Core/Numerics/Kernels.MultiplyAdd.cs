using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = x[i]·scale + addend[i] (axpy; with scale = −lr it is the update W −= lr·g).</summary>
        /// <remarks>destination may be the same memory as x or addend (in place), not a shifted overlap.</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void MultiplyAdd(ReadOnlySpan<float> x, float scale, ReadOnlySpan<float> addend, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.MultiplyAdd(x, scale, addend, destination);
#else
            MultiplyAddScalar(x, scale, addend, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="MultiplyAdd(ReadOnlySpan{float}, float, ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static void MultiplyAddScalar(ReadOnlySpan<float> x, float scale, ReadOnlySpan<float> addend, Span<float> destination)
        {
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (x[i] * scale) + addend[i];
            }
        }

        /// <summary>destination[i] = x[i]·y[i] + addend[i] (element-wise fused scale and shift).</summary>
        /// <remarks>destination may be the same memory as an input (in place), not a shifted overlap.</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void MultiplyAdd(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> addend, Span<float> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            TensorPrimitives.MultiplyAdd(x, y, addend, destination);
#else
            MultiplyAddScalar(x, y, addend, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="MultiplyAdd(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/>.</summary>
        public static void MultiplyAddScalar(ReadOnlySpan<float> x, ReadOnlySpan<float> y, ReadOnlySpan<float> addend, Span<float> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, addend.Length, nameof(addend));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = (x[i] * y[i]) + addend[i];
            }
        }
    }
}
