using System.Collections.Generic;
using BenchmarkDotNet.Attributes;
using MakemorePS.Benchmarks.Baselines;
using MakemorePS.Benchmarks.Data;
using MakemorePS.Benchmarks.Infrastructure;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>Counting bigrams from UTF-8 text, in MB/s, against the Dictionary-of-pairs baseline.</summary>
    [MemoryDiagnoser]
    public class CountingBenchmarks
    {
        private byte[] _utf8 = null!;

        [Params(DataSet.Bundled, DataSet.Synthetic)]
        public DataSet Data { get; set; }

        [GlobalSetup]
        public void Setup()
        {
            _utf8 = BenchmarkData.Utf8(Data);
        }

        [Benchmark(Baseline = true, Description = "Dictionary<(char,char),int> over decoded lines")]
        [Throughput(ThroughputUnit.Megabytes)]
        public Dictionary<(char, char), int> DictionaryBaseline() => DictionaryBigramCounter.CountUtf8(_utf8);
    }
}
