using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns whether every x[i] is finite (no NaN, no ±∞); true for an empty span.</summary>
        /// <remarks>x·0 is 0 for finite x and NaN otherwise, so one running sum of x·0 tells, without a branch per element.</remarks>
        public static unsafe bool AllFinite(ReadOnlySpan<float> x)
        {
            int width = Vector<float>.Count;
            int i = 0;
            Vector<float> probe = Vector<float>.Zero;
            float tail = 0f;
            fixed (float* px = x)
            {
                for (; i + width <= x.Length; i += width)
                {
                    probe += Load(px + i) * Vector<float>.Zero;
                }

                for (; i < x.Length; i++)
                {
                    tail += px[i] * 0f;
                }
            }

            return Vector.EqualsAll(probe, Vector<float>.Zero) && tail == 0f;
        }
    }
}
