using System;
using System.Collections.Generic;
using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;
using MakemorePS.Benchmarks.Memory;
using MakemorePS.Benchmarks.Quality;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks
{
    /// <summary>
    /// Entry point. <c>dotnet run -c Release --project tests/MakemorePS.Benchmarks -- [--quick] [options]</c>:
    /// <list type="bullet">
    /// <item>no mode: the full run (BenchmarkDotNet suites, then the 1 GiB peak-memory check);</item>
    /// <item><c>--quick</c>: the same suites with a short in-process job, a few seconds per benchmark;</item>
    /// <item><c>--memory-only</c> / <c>--no-memory</c>: only / without the peak-memory check;</item>
    /// <item><c>--memory-mb N</c> (default 1024 = 1 GiB), <c>--corpus-mb N</c> (default 100);</item>
    /// <item><c>--mlp-quality [names-file] [split-seed]</c>: only the 200,000-step MLP training run with its train/dev/test
    /// loss and time, on the bundled names (or a file of names, such as makemore's names.txt) split with the seed (42);</item>
    /// <item><c>--mlp-step-timing [steps] [repeats]</c>: only MLP step timing, measured as tests/reference/mlp_pytorch_timing.py measures PyTorch;</item>
    /// <item>anything else goes to BenchmarkDotNet, e.g. <c>--filter *Sampling*</c>.</item>
    /// </list>
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length == 2 && args[0] == PeakMemoryCheck.ChildSwitch)
            {
                return PeakMemoryCheck.RunChild(args[1]);
            }

            if (args.Length >= 1 && args.Length <= 3 && args[0] == MlpQualityRun.Switch)
            {
                return MlpQualityRun.Run(
                    args.Length > 1 ? args[1] : null,
                    args.Length > 2 ? long.Parse(args[2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : NameSplit.DefaultSeed);
            }

            if (args.Length >= 1 && args[0] == MlpStepTiming.Switch)
            {
                return MlpStepTiming.Run(
                    args.Length > 1 ? (int)ParsePositive(args[1], MlpStepTiming.Switch) : 20_000,
                    args.Length > 2 ? (int)ParsePositive(args[2], MlpStepTiming.Switch) : 7);
            }

            bool quick = false;
            bool memory = true;
            bool suites = true;
            long memoryBytes = 1L << 30;
            var forwarded = new List<string>();
            for (int i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--quick":
                        quick = true;
                        break;
                    case "--memory-only":
                        suites = false;
                        break;
                    case "--no-memory":
                        memory = false;
                        break;
                    case "--memory-mb" when i + 1 < args.Length:
                        memoryBytes = ParsePositive(args[++i], "--memory-mb") * (1L << 20);
                        break;
                    case "--corpus-mb" when i + 1 < args.Length:
                        Environment.SetEnvironmentVariable(BenchmarkData.CorpusMegabytesVariable, ParsePositive(args[++i], "--corpus-mb").ToString(CultureInfo.InvariantCulture));
                        break;
                    default:
                        forwarded.Add(args[i]);
                        break;
                }
            }

            if (suites)
            {
                // Made here once, so BenchmarkDotNet's child processes find the corpus instead of each writing it.
                Console.WriteLine($"Synthetic corpus: {BenchmarkData.EnsureSyntheticCorpus()}");
                if (!forwarded.Contains("--filter"))
                {
                    forwarded.Add("--filter");
                    forwarded.Add("*");
                }

                IConfig config = quick ? BenchmarkConfigFactory.Quick() : BenchmarkConfigFactory.Full();
                BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(forwarded.ToArray(), config);
            }

            return memory ? PeakMemoryCheck.Run(memoryBytes) : 0;
        }

        private static long ParsePositive(string text, string option)
        {
            if (!long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out long value) || value <= 0)
            {
                throw new ArgumentException($"{option} needs a positive whole number, not '{text}'.");
            }

            return value;
        }
    }
}
