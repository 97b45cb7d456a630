using System;
#if HAS_TENSOR_PRIMITIVES
using System.Numerics.Tensors;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>Returns max_i |x[i]| for finite x (0 for an empty span).</summary>
        public static float MaxMagnitude(ReadOnlySpan<float> x)
        {
#if HAS_TENSOR_PRIMITIVES
            return x.IsEmpty ? 0f : Math.Abs(TensorPrimitives.MaxMagnitude(x));
#else
            return MaxMagnitudeScalar(x);
#endif
        }

        /// <summary>Scalar twin of <see cref="MaxMagnitude(ReadOnlySpan{float})"/>.</summary>
        public static float MaxMagnitudeScalar(ReadOnlySpan<float> x)
        {
            float max = 0f;
            foreach (float value in x)
            {
                max = Math.Max(max, Math.Abs(value));
            }

            return max;
        }
    }
}
