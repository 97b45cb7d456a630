using System;
using System.Numerics;
using System.Runtime.InteropServices;

namespace MakemorePS.Core.Numerics
{
    public static partial class Kernels
    {
        /// <summary>destination[i] = (double)x[i] + y[i]: adds floats into a double accumulator without float rounding.</summary>
        /// <remarks>
        /// destination may be the same memory as y (in place). TensorPrimitives has no float-to-double conversion on
        /// netstandard2.0, so this widens with <see cref="Vector.Widen(Vector{float}, out Vector{double}, out Vector{double})"/>,
        /// which both targets have.
        /// </remarks>
        /// <exception cref="ArgumentException">The lengths differ.</exception>
        public static void AddWidened(ReadOnlySpan<float> x, ReadOnlySpan<double> y, Span<double> destination)
        {
            CheckLengths(x.Length, y.Length, nameof(y));
            CheckLengths(x.Length, destination.Length, nameof(destination));
            int i = 0;
            if (Vector.IsHardwareAccelerated && x.Length >= Vector<float>.Count)
            {
                ReadOnlySpan<Vector<float>> xs = MemoryMarshal.Cast<float, Vector<float>>(x);
                int half = Vector<double>.Count;
                for (int block = 0; block < xs.Length; block++, i += Vector<float>.Count)
                {
                    Vector.Widen(xs[block], out Vector<double> low, out Vector<double> high);
                    Vector<double> yLow = MemoryMarshal.Cast<double, Vector<double>>(y.Slice(i, half))[0];
                    Vector<double> yHigh = MemoryMarshal.Cast<double, Vector<double>>(y.Slice(i + half, half))[0];
                    MemoryMarshal.Cast<double, Vector<double>>(destination.Slice(i, half))[0] = low + yLow;
                    MemoryMarshal.Cast<double, Vector<double>>(destination.Slice(i + half, half))[0] = high + yHigh;
                }
            }

            for (; i < x.Length; i++)
            {
                destination[i] = x[i] + y[i];
            }
        }
    }
}
