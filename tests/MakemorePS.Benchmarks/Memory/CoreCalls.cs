using System.Globalization;
using System.IO;
using System.Linq;
using MakemorePS.Benchmarks.Baselines;

namespace MakemorePS.Benchmarks.Memory
{
    /// <summary>TEMPORARY until core counting lands: streams with the baseline.</summary>
    internal static class CoreCalls
    {
        public static string CountFile(string path)
        {
            var counts = DictionaryBigramCounter.CountNames(File.ReadLines(path));
            return counts.Values.Sum().ToString(CultureInfo.InvariantCulture) + " bigrams";
        }
    }
}
