using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using MakemorePS.Benchmarks.Data;

namespace MakemorePS.Benchmarks.Infrastructure
{
    /// <summary>
    /// Turns the mean time per operation into MB/s, names/s or bigrams/s, from the amount of work one operation
    /// does on its data set (computed in the host process from the same inputs the benchmark used).
    /// </summary>
    internal sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);

        public string ColumnName => "Throughput";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => false;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Work per second from the mean: MB/s (10^6 bytes of UTF-8 input), names/s, bigrams/s or positions/s";

        public bool IsAvailable(Summary summary) => true;

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var attribute = benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<ThroughputAttribute>();
            BenchmarkReport? report = summary[benchmarkCase];
            double? meanNanoseconds = report?.ResultStatistics?.Mean;
            if (attribute is null || meanNanoseconds is null || meanNanoseconds <= 0)
            {
                return "-";
            }

            double perSecond = UnitsPerOperation(attribute.Unit, benchmarkCase) * 1e9 / meanNanoseconds.Value;
            return attribute.Unit switch
            {
                ThroughputUnit.Megabytes or ThroughputUnit.NameMegabytes => (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " MB/s",
                ThroughputUnit.Names => (perSecond / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " M names/s",
                ThroughputUnit.Positions => (perSecond / 1e6).ToString("N2", CultureInfo.InvariantCulture) + " M positions/s",
                _ => (perSecond / 1e6).ToString("N1", CultureInfo.InvariantCulture) + " M bigrams/s",
            };
        }

        /// <summary>The work one operation does for the case's "Data" parameter (bundled when the case has none).</summary>
        public static double UnitsPerOperation(ThroughputUnit unit, BenchmarkCase benchmarkCase)
        {
            DataSet data = benchmarkCase.Parameters.Items.FirstOrDefault(p => p.Name == "Data")?.Value is DataSet d ? d : DataSet.Bundled;
            return unit switch
            {
                ThroughputUnit.Megabytes => data == DataSet.Bundled ? BenchmarkData.BundledUtf8.Length : new FileInfo(BenchmarkData.EnsureSyntheticCorpus()).Length,
                ThroughputUnit.NameMegabytes => BenchmarkData.Names(data).Sum(n => (double)Encoding.UTF8.GetByteCount(n) + 1),
                ThroughputUnit.Names => 1,
                _ => BenchmarkData.Names(data).Sum(n => (double)n.Length + 1),
            };
        }

        public override string ToString() => ColumnName;
    }
}
