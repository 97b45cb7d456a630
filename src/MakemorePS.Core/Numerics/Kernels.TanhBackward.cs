using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = (1 − h[i]²)·upstream[i]: the gradient through h = tanh(x), from the output h alone.</summary>
        /// <remarks>destination may be the same memory as upstream or h (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static unsafe void TanhBackward(ReadOnlySpan<float> h, ReadOnlySpan<float> upstream, Span<float> destination)
        {
            CheckLengths(h.Length, upstream.Length, nameof(upstream));
            CheckLengths(h.Length, destination.Length, nameof(destination));
            int width = Vector<float>.Count;
            int i = 0;
            fixed (float* ph = h)
            fixed (float* pu = upstream)
            fixed (float* pd = destination)
            {
                for (; i + width <= h.Length; i += width)
                {
                    Vector<float> y = Load(ph + i);
                    Store(pd + i, (Vector<float>.One - (y * y)) * Load(pu + i));
                }

                for (; i < h.Length; i++)
                {
                    pd[i] = (1f - (ph[i] * ph[i])) * pu[i];
                }
            }
        }
    }
}
