using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Diagnostics;
using System.Globalization;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Quality
{
    /// <summary>
    /// <c>--mlp-quality [names-file] [split-seed]</c>: trains the MLP with every default (200,000 steps, part 3's init,
    /// BatchNorm) on the seeded 80/10/10 split (the lecture's shuffle) of the bundled names or of a file of names, and
    /// prints the train, dev and test loss with the wall-clock and CPU time.
    /// </summary>
    internal static class MlpQualityRun
    {
        public const string Switch = "--mlp-quality";

        /// <param name="namesPath">A file of names, one per line, or null for the bundled names.</param>
        /// <param name="splitSeed">The seed of the split.</param>
        public static int Run(string? namesPath, long splitSeed)
        {
            IReadOnlyList<string> names = namesPath is null
                ? BenchmarkData.BundledNames
                : File.ReadAllLines(namesPath).Select(line => line.Trim()).Where(line => line.Length > 0).ToArray();
            NameSplit split = NameSplit.Create(names, splitSeed);
            var options = new MlpTrainingOptions { DevLossInterval = 20_000 };
            Console.WriteLine($"{namesPath ?? "Bundled names"}, split (seed {split.Seed}): {split.Train.Count} train, {split.Dev.Count} dev, {split.Test.Count} test names. {options}");
            using Process process = Process.GetCurrentProcess();
            TimeSpan cpuStart = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            var trainer = new MlpTrainer(split.Train, options, null, split.Dev);
            MlpModel model = trainer.Train(record =>
            {
                if (record.DevLoss is double dev)
                {
                    Console.WriteLine(string.Format(CultureInfo.InvariantCulture, "step {0,7}: batch loss {1:F4}, dev loss {2:F4} ({3:F1} s)", record.Step, record.Loss, dev, clock.Elapsed.TotalSeconds));
                }
            }).Model;
            clock.Stop();
            process.Refresh();
            double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
            double train = model.MeanNegativeLogLikelihood(ContextWindowDataset.Create(split.Train, model.Vocabulary, model.BlockSize));
            double devLoss = model.MeanNegativeLogLikelihood(ContextWindowDataset.Create(split.Dev, model.Vocabulary, model.BlockSize));
            double test = model.MeanNegativeLogLikelihood(ContextWindowDataset.Create(split.Test, model.Vocabulary, model.BlockSize, _ => { }));
            Console.WriteLine(string.Format(CultureInfo.InvariantCulture,
                "train {0:F4}, dev {1:F4}, test {2:F4}; {3} steps in {4:F1} s wall-clock, {5:F1} s CPU ({6:F1} µs per step, dev evaluations included)",
                train, devLoss, test, model.Steps, clock.Elapsed.TotalSeconds, cpu, cpu * 1e6 / model.Steps));
            return 0;
        }
    }
}
