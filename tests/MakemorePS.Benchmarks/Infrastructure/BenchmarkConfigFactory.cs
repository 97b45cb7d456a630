using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace MakemorePS.Benchmarks.Infrastructure
{
    /// <summary>The two ways to run: a quick look (a few seconds per benchmark) and the full run behind the README table.</summary>
    internal static class BenchmarkConfigFactory
    {
        /// <summary>
        /// Quick: in-process (no extra build), one warm-up and three short iterations. Enough to see orders of magnitude
        /// and to check that every benchmark runs; not for the README.
        /// </summary>
        public static IConfig Quick() => Create(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Quick"));

        /// <summary>
        /// Full: a separate process per benchmark, BenchmarkDotNet's warm-up (it waits for the tiered JIT to settle),
        /// then a fixed number of half-second iterations, so a whole run stays around a quarter of an hour.
        /// </summary>
        public static IConfig Full() => Create(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(4)
            .WithIterationCount(12)
            .WithIterationTime(TimeInterval.FromMilliseconds(500))
            .WithId("Full"));

        private static IConfig Create(Job job) => ManualConfig.CreateEmpty()
            .AddJob(job)
            .AddLogger(ConsoleLogger.Default)
            .AddExporter(MarkdownExporter.GitHub)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .AddColumnProvider(DefaultColumnProviders.Instance)
            .AddColumn(new ThroughputColumn())
            .WithSummaryStyle(SummaryStyle.Default.WithRatioStyle(RatioStyle.Trend))
            .WithOptions(ConfigOptions.DisableLogFile);
    }
}
