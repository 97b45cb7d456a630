using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Quality
{
    /// <summary>
    /// <c>--mlp-step-timing [steps] [repeats]</c>: the same measurement as tests/reference/mlp_pytorch_timing.py, for a
    /// like-for-like comparison on a shared machine: after a warm-up, repeats runs of steps MLP training steps at the
    /// lecture's sizes, each run's wall-clock and CPU time per step, and their medians.
    /// </summary>
    internal static class MlpStepTiming
    {
        public const string Switch = "--mlp-step-timing";

        public static int Run(int steps, int repeats)
        {
            NameSplit split = NameSplit.Create(BenchmarkData.BundledNames);
            var trainer = new MlpTrainer(split.Train, new MlpTrainingOptions { Steps = int.MaxValue });
            for (int i = 0; i < 2000; i++)
            {
                trainer.Step();
            }

            using Process process = Process.GetCurrentProcess();
            var wall = new double[repeats];
            var cpu = new double[repeats];
            for (int r = 0; r < repeats; r++)
            {
                process.Refresh();
                TimeSpan cpuStart = process.TotalProcessorTime;
                var clock = Stopwatch.StartNew();
                for (int i = 0; i < steps; i++)
                {
                    trainer.Step();
                }

                clock.Stop();
                process.Refresh();
                wall[r] = clock.Elapsed.TotalMilliseconds * 1000 / steps;
                cpu[r] = (process.TotalProcessorTime - cpuStart).TotalMilliseconds * 1000 / steps;
            }

            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "MakemorePS MLP step, {0} runs of {1} steps: wall-clock µs per step {2} (median {3:F2}); CPU µs per step {4} (median {5:F2})",
                repeats, steps, string.Join(", ", wall.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))), Median(wall),
                string.Join(", ", cpu.Select(t => t.ToString("F2", CultureInfo.InvariantCulture))), Median(cpu)));
            return 0;
        }

        private static double Median(double[] values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
        }
    }
}
