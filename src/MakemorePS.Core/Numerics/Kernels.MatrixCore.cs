using System;
using System.Numerics;
using System.Runtime.CompilerServices;
#if NET8_0_OR_GREATER
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
#endif

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        // The shared inner loop of the products whose output rows are sums of scaled rows of b:
        // output row r = Σ_q a(r, q) · b row q, where a(r, q) = a[r·rowStride + q·innerStride].
        // The columns are covered by vectors at 0, w, 2w, … and, when w does not divide n, one more at n − w that overlaps
        // the one before: its lanes compute the same sums in the same order, so rewriting them changes nothing. Four
        // vectors of two output rows stay in registers across the whole sum (independent chains hide the FMA latency).
        // With wide, 512-bit vectors are used where the CPU runs them at full speed (MultiplyRowsByBWide, same results).
        private static unsafe void MultiplyRowsByB(float* a, int rowStride, int innerStride, float* b, int rows, int inner, int n, float* destination, bool wide)
        {
#if NET8_0_OR_GREATER
            if (wide && WideProducts && n >= Vector512<float>.Count)
            {
                MultiplyRowsByBWide(a, rowStride, innerStride, b, rows, inner, n, destination);
                return;
            }
#endif
            int width = Vector<float>.Count;
            if (n < width)
            {
                MultiplyRowsByBNarrow(a, rowStride, innerStride, b, rows, inner, n, destination);
                return;
            }

            int vectors = (n + width - 1) / width;
            int last = n - width;
            int r = 0;

            // Two output rows × four vectors: eight independent sums, each b vector loaded once for both rows.
            for (; r + 2 <= rows; r += 2)
            {
                float* a0 = a + ((long)r * rowStride);
                float* a1 = a0 + rowStride;
                float* output0 = destination + ((long)r * n);
                float* output1 = output0 + n;
                int c = 0;
                for (; c + 4 <= vectors; c += 4)
                {
                    int j0 = c * width, j1 = j0 + width, j2 = j1 + width, j3 = Math.Min(j2 + width, last);
                    Vector<float> s00 = Vector<float>.Zero, s01 = Vector<float>.Zero, s02 = Vector<float>.Zero, s03 = Vector<float>.Zero;
                    Vector<float> s10 = Vector<float>.Zero, s11 = Vector<float>.Zero, s12 = Vector<float>.Zero, s13 = Vector<float>.Zero;
                    for (int q = 0; q < inner; q++)
                    {
                        long at = (long)q * innerStride;
                        var x0 = new Vector<float>(a0[at]);
                        var x1 = new Vector<float>(a1[at]);
                        float* bRow = b + ((long)q * n);
                        Vector<float> b0 = Load(bRow + j0), b1 = Load(bRow + j1), b2 = Load(bRow + j2), b3 = Load(bRow + j3);
                        s00 = MultiplyAddVector(x0, b0, s00);
                        s01 = MultiplyAddVector(x0, b1, s01);
                        s02 = MultiplyAddVector(x0, b2, s02);
                        s03 = MultiplyAddVector(x0, b3, s03);
                        s10 = MultiplyAddVector(x1, b0, s10);
                        s11 = MultiplyAddVector(x1, b1, s11);
                        s12 = MultiplyAddVector(x1, b2, s12);
                        s13 = MultiplyAddVector(x1, b3, s13);
                    }

                    Store(output0 + j0, s00);
                    Store(output0 + j1, s01);
                    Store(output0 + j2, s02);
                    Store(output0 + j3, s03);
                    Store(output1 + j0, s10);
                    Store(output1 + j1, s11);
                    Store(output1 + j2, s12);
                    Store(output1 + j3, s13);
                }

                for (; c < vectors; c++)
                {
                    int j = Math.Min(c * width, last);
                    Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero;
                    for (int q = 0; q < inner; q++)
                    {
                        long at = (long)q * innerStride;
                        Vector<float> bq = Load(b + ((long)q * n) + j);
                        s0 = MultiplyAddVector(new Vector<float>(a0[at]), bq, s0);
                        s1 = MultiplyAddVector(new Vector<float>(a1[at]), bq, s1);
                    }

                    Store(output0 + j, s0);
                    Store(output1 + j, s1);
                }
            }

            for (; r < rows; r++)
            {
                float* aRow = a + ((long)r * rowStride);
                float* output = destination + ((long)r * n);
                int c = 0;
                for (; c + 4 <= vectors; c += 4)
                {
                    int j0 = c * width, j1 = j0 + width, j2 = j1 + width, j3 = Math.Min(j2 + width, last);
                    Vector<float> s0 = Vector<float>.Zero, s1 = Vector<float>.Zero, s2 = Vector<float>.Zero, s3 = Vector<float>.Zero;
                    for (int q = 0; q < inner; q++)
                    {
                        var x = new Vector<float>(aRow[(long)q * innerStride]);
                        float* bRow = b + ((long)q * n);
                        s0 = MultiplyAddVector(x, Load(bRow + j0), s0);
                        s1 = MultiplyAddVector(x, Load(bRow + j1), s1);
                        s2 = MultiplyAddVector(x, Load(bRow + j2), s2);
                        s3 = MultiplyAddVector(x, Load(bRow + j3), s3);
                    }

                    Store(output + j0, s0);
                    Store(output + j1, s1);
                    Store(output + j2, s2);
                    Store(output + j3, s3);
                }

                for (; c < vectors; c++)
                {
                    int j = Math.Min(c * width, last);
                    Vector<float> s = Vector<float>.Zero;
                    for (int q = 0; q < inner; q++)
                    {
                        s = MultiplyAddVector(new Vector<float>(aRow[(long)q * innerStride]), Load(b + ((long)q * n) + j), s);
                    }

                    Store(output + j, s);
                }
            }
        }

        // Fewer columns than one vector: plain sums.
        private static unsafe void MultiplyRowsByBNarrow(float* a, int rowStride, int innerStride, float* b, int rows, int inner, int n, float* destination)
        {
            for (int r = 0; r < rows; r++)
            {
                float* aRow = a + ((long)r * rowStride);
                for (int j = 0; j < n; j++)
                {
                    float s = 0f;
                    for (int q = 0; q < inner; q++)
                    {
                        s += aRow[(long)q * innerStride] * b[((long)q * n) + j];
                    }

                    destination[((long)r * n) + j] = s;
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe Vector<float> Load(float* source) => Unsafe.ReadUnaligned<Vector<float>>(source);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static unsafe void Store(float* destination, Vector<float> value) => Unsafe.WriteUnaligned(destination, value);

        // x·y + addend, fused (one rounding) where the CPU has FMA; the JIT folds the checks away.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static Vector<float> MultiplyAddVector(Vector<float> x, Vector<float> y, Vector<float> addend)
        {
#if NET8_0_OR_GREATER
            if (Fma.IsSupported && Vector<float>.Count == Vector256<float>.Count)
            {
                return Fma.MultiplyAdd(x.AsVector256(), y.AsVector256(), addend.AsVector256()).AsVector();
            }

            if (Avx512F.IsSupported && Vector<float>.Count == Vector512<float>.Count)
            {
                return Avx512F.FusedMultiplyAdd(x.AsVector512(), y.AsVector512(), addend.AsVector512()).AsVector();
            }
#endif
            return (x * y) + addend;
        }
    }
}
