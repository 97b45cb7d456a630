using System;

namespace MakemorePS.Core.Numerics
{
    /// <summary>
    /// The float logarithm, sine and cosine of PyTorch's AVX2 <c>torch.randn</c> kernel: Cephes' single-precision
    /// polynomials (as vectorized in avx_mathfun), with the fused multiply-adds its compiled code uses. Each result is
    /// the same float, bit for bit, so the normals built from them are PyTorch's.
    /// </summary>
    internal static class TorchFloatMath
    {
        /// <summary>How many values <see cref="NormalsFromUniforms"/> turns into normals at a time.</summary>
        public const int NormalBlock = 16;

        private const float SquareRootOfHalf = 0.707106781186547524f;
        private const float FourOverPi = 1.27323954473516f;

        /// <summary>
        /// 16 standard normals from 16 uniforms in [0, 1), in place, as PyTorch's normal_fill_16_AVX2 makes them: radius
        /// √(−2 ln(1 − u)) from the first half, angle 2π·u (in float) from the second, cosines first, sines second.
        /// </summary>
        /// <exception cref="ArgumentException">The span does not hold exactly <see cref="NormalBlock"/> values.</exception>
        public static void NormalsFromUniforms(Span<float> block)
        {
            if (block.Length != NormalBlock)
            {
                throw new ArgumentException($"Box–Muller here works on blocks of {NormalBlock} values, not {block.Length}.", nameof(block));
            }

            const int Half = NormalBlock / 2;
            const float TwoPi = (float)(2.0 * Math.PI);
            for (int j = 0; j < Half; j++)
            {
                float radius = (float)Math.Sqrt(-2f * Log(1f - block[j]));
                (float sine, float cosine) = SinCos(TwoPi * block[j + Half]);
                block[j] = radius * cosine;
                block[j + Half] = radius * sine;
            }
        }

        /// <summary>
        /// ln x for normal floats x in [2^-126, 1], the range 1 − u takes in torch.randn (Cephes logf: x = m·2^e with m
        /// in [√½, √2), a degree-9 polynomial in m − 1; subnormal inputs are not handled).
        /// </summary>
        public static float Log(float x)
        {
            int bits = FloatBits(x);
            float exponent = (float)((int)((uint)bits >> 23) - 127) + 1f;
            float mantissa = BitsToFloat((bits & ~0x7F800000) | 0x3F000000);
            float f;
            if (mantissa < SquareRootOfHalf)
            {
                exponent -= 1f;
                f = (mantissa - 1f) + mantissa;
            }
            else
            {
                f = mantissa - 1f;
            }

            float z = f * f;
            float y = 7.0376836292E-2f;
            y = FusedMultiplyAdd(y, f, -1.1514610310E-1f);
            y = FusedMultiplyAdd(y, f, 1.1676998740E-1f);
            y = FusedMultiplyAdd(y, f, -1.2420140846E-1f);
            y = FusedMultiplyAdd(y, f, 1.4249322787E-1f);
            y = FusedMultiplyAdd(y, f, -1.6668057665E-1f);
            y = FusedMultiplyAdd(y, f, 2.0000714765E-1f);
            y = FusedMultiplyAdd(y, f, -2.4999993993E-1f);
            y = FusedMultiplyAdd(y, f, 3.3333331174E-1f);
            y *= f;
            y = FusedMultiplyAdd(y, z, exponent * -2.12194440E-4f);
            y = FusedMultiplyAdd(-z, 0.5f, y);
            return FusedMultiplyAdd(exponent, 0.693359375f, f + y);
        }

        /// <summary>sin x and cos x (Cephes sinf/cosf: reduction by π/4 in three parts, then one of two polynomials).</summary>
        public static (float Sine, float Cosine) SinCos(float x)
        {
            bool negativeSine = x < 0f;
            x = Math.Abs(x);
            int octant = ((int)(x * FourOverPi) + 1) & ~1;
            float y = octant;
            bool swapSine = (octant & 4) != 0;
            bool sineFromSinePolynomial = (octant & 2) == 0;
            bool negativeCosine = ((octant - 2) & 4) == 0;
            negativeSine ^= swapSine;

            x = FusedMultiplyAdd(y, -0.78515625f, x);
            x = FusedMultiplyAdd(y, -2.4187564849853515625E-4f, x);
            x = FusedMultiplyAdd(y, -3.77489497744594108E-8f, x);
            float z = x * x;

            float cosine = 2.443315711809948E-5f;
            cosine = FusedMultiplyAdd(cosine, z, -1.388731625493765E-3f);
            cosine = FusedMultiplyAdd(cosine, z, 4.166664568298827E-2f);
            cosine *= z;
            cosine = FusedMultiplyAdd(cosine, z, -(z * 0.5f)) + 1f;

            float sine = -1.9515295891E-4f;
            sine = FusedMultiplyAdd(sine, z, 8.3321608736E-3f);
            sine = FusedMultiplyAdd(sine, z, -1.6666654611E-1f);
            sine *= z;
            sine = FusedMultiplyAdd(sine, x, x);

            float s = sineFromSinePolynomial ? sine : cosine;
            float c = sineFromSinePolynomial ? cosine : sine;
            return (negativeSine ? -s : s, negativeCosine ? -c : c);
        }

        /// <summary>a·b + c rounded once, as the FMA instruction computes it (in software only for results in the normal range).</summary>
        public static float FusedMultiplyAdd(float a, float b, float c)
        {
#if NET8_0_OR_GREATER
            return MathF.FusedMultiplyAdd(a, b, c);
#else
            return SoftwareFusedMultiplyAdd(a, b, c);
#endif
        }

        /// <summary>
        /// a·b + c rounded once, without the instruction: the product is exact in double, the sum's rounding error is
        /// recovered (Knuth's TwoSum), and a sum that lands exactly halfway between two floats is moved toward the true
        /// value before rounding, so rounding twice cannot differ from rounding once (for results in the normal range).
        /// </summary>
        public static float SoftwareFusedMultiplyAdd(float a, float b, float c)
        {
            double product = (double)a * b;
            double sum = product + c;
            double addendPart = sum - product;
            double error = (product - (sum - addendPart)) + (c - addendPart);
            long bits = BitConverter.DoubleToInt64Bits(sum);
            const long BelowFloatPrecision = (1L << 29) - 1;
            if (error != 0 && (bits & BelowFloatPrecision) == 1L << 28)
            {
                bits += (error > 0) == (sum > 0) ? 1 : -1;
                sum = BitConverter.Int64BitsToDouble(bits);
            }

            return (float)sum;
        }

        private static unsafe int FloatBits(float value) => *(int*)&value;

        private static unsafe float BitsToFloat(int bits) => *(float*)&bits;
    }
}
