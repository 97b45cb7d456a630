using System;
using System.Numerics;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>
        /// std[j] = √(sumsOfSquares[j]·scale + epsilon) and inverseStd[j] = 1/std[j]: BatchNorm's σ from Σ(x − μ)² (scale
        /// 1/(N − 1) for torch's unbiased std) and its reciprocal. Returns false when some σ is 0, infinite or NaN.
        /// </summary>
        /// <remarks>Each σ is the correctly rounded float square root, as (float)Math.Sqrt of the float argument gives. std may be the same memory as sumsOfSquares (in place).</remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static unsafe bool BatchNormStd(ReadOnlySpan<float> sumsOfSquares, float scale, float epsilon, Span<float> std, Span<float> inverseStd)
        {
            int length = sumsOfSquares.Length;
            CheckLengths(length, std.Length, nameof(std));
            CheckLengths(length, inverseStd.Length, nameof(inverseStd));
            int width = Vector<float>.Count;
            bool valid = true;
            fixed (float* ps = sumsOfSquares)
            fixed (float* pd = std)
            fixed (float* pi = inverseStd)
            {
                var scaleVector = new Vector<float>(scale);
                var epsilonVector = new Vector<float>(epsilon);
                var largest = new Vector<float>(float.MaxValue);
                int j = 0;
                for (; j + width <= length; j += width)
                {
                    Vector<float> sigma = Vector.SquareRoot((Load(ps + j) * scaleVector) + epsilonVector);
                    Store(pd + j, sigma);
                    Store(pi + j, Vector<float>.One / sigma);

                    // Comparisons with NaN are false, so a NaN σ is invalid too.
                    valid &= Vector.GreaterThanAll(sigma, Vector<float>.Zero) && Vector.LessThanOrEqualAll(sigma, largest);
                }

                for (; j < length; j++)
                {
                    float sigma = (float)Math.Sqrt((ps[j] * scale) + epsilon);
                    pd[j] = sigma;
                    pi[j] = 1f / sigma;
                    valid &= sigma > 0f && sigma <= float.MaxValue;
                }
            }

            return valid;
        }
    }
}
