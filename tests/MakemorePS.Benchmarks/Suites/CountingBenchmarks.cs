using System;
using System.Collections.Generic;
using System.Linq;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// Counting bigrams from UTF-8 text, in MB/s, against the Dictionary-of-pairs baseline: the core's byte fast
    /// path on one thread (the per-core figure the target is about) and on every core, its streaming file counter
    /// (file in the page cache), and its string path over the names as strings (what a pipeline feeds it).
    /// </summary>
    [MemoryDiagnoser]
    public class CountingBenchmarks
    {
        private static readonly CountingOptions Serial = new CountingOptions { MaxDegreeOfParallelism = 1 };
        private static readonly CountingOptions Parallel = new CountingOptions();

        private byte[] _utf8 = null!;
        private string _path = null!;
        private IReadOnlyList<string> _names = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _utf8 = BenchmarkData.Utf8(Data);
            _path = BenchmarkData.FilePath(Data);
            _names = BenchmarkData.Names(Data);

            // The baseline and the core must count the same thing before their speeds mean anything.
            BigramCounts baseline = DictionaryBigramCounter.ToBigramCounts(DictionaryBaseline(), 0);
            foreach (BigramCounts core in new[] { CoreUtf8Serial(), CoreUtf8Parallel(), CoreFile() })
            {
                if (!core.Vocabulary.Equals(baseline.Vocabulary) || !core.AsSpan().SequenceEqual(baseline.AsSpan()))
                {
                    throw new InvalidOperationException("The core counter and the Dictionary baseline disagree on " + Data + ".");
                }
            }
        }

        [Benchmark(Baseline = true, Description = "Dictionary<(char,char),int> over decoded lines")]
        [Throughput(ThroughputUnit.Megabytes)]
        public Dictionary<(char, char), int> DictionaryBaseline() => DictionaryBigramCounter.CountUtf8(_utf8);

        [Benchmark(Description = "Core CountUtf8, 1 thread")]
        [Throughput(ThroughputUnit.Megabytes)]
        public BigramCounts CoreUtf8Serial() => BigramCounter.CountUtf8(_utf8, Serial);

        [Benchmark(Description = "Core CountUtf8, all cores")]
        [Throughput(ThroughputUnit.Megabytes)]
        public BigramCounts CoreUtf8Parallel() => BigramCounter.CountUtf8(_utf8, Parallel);

        [Benchmark(Description = "Core CountFile (streamed, page cache), all cores")]
        [Throughput(ThroughputUnit.Megabytes)]
        public BigramCounts CoreFile() => BigramCounter.CountFile(_path, Parallel);

        [Benchmark(Description = "Core CountNames over strings (names' UTF-8 MB)")]
        [Throughput(ThroughputUnit.NameMegabytes)]
        public BigramCounts CoreNames() => BigramCounter.CountNames(_names, Serial);
    }
}
