using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = (double)x[i] + y[i]: adds floats into a double accumulator without float rounding.</summary>
        /// <remarks>destination may be the same memory as y (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void AddWidened(ReadOnlySpan<float> x, ReadOnlySpan<double> y, Span<double> destination)
        {
#if HAS_TENSOR_PRIMITIVES
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            const int Block = 128;
            Span<double> widened = stackalloc double[Math.Min(Block, x.Length)];
            for (int start = 0; start < x.Length; start += Block)
            {
                int length = Math.Min(Block, x.Length - start);
                Span<double> part = widened.Slice(0, length);
                TensorPrimitives.ConvertChecked<float, double>(x.Slice(start, length), part);
                TensorPrimitives.Add(part, y.Slice(start, length), destination.Slice(start, length));
            }
#else
            AddWidenedScalar(x, y, destination);
#endif
        }

        /// <summary>Scalar twin of <see cref="AddWidened(ReadOnlySpan{float}, ReadOnlySpan{double}, Span{double})"/>.</summary>
        public static void AddWidenedScalar(ReadOnlySpan<float> x, ReadOnlySpan<double> y, Span<double> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            for (int i = 0; i < x.Length; i++)
            {
                destination[i] = x[i] + y[i];
            }
        }
    }
}
