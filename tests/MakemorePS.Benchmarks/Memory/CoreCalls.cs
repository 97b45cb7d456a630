using System.Globalization;
using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Memory
{
    /// <summary>The core calls the peak-memory child makes.</summary>
    internal static class CoreCalls
    {
        /// <summary>Counts a file with the core's streaming counter (default options: all cores, no name collection); returns a one-line summary.</summary>
        public static string CountFile(string path)
        {
            BigramCounts counts = BigramCounter.CountFile(path);
            return string.Format(CultureInfo.InvariantCulture, "{0:N0} names, {1:N0} bigrams, V = {2}", counts.NameCount, counts.TotalBigrams, counts.Size);
        }
    }
}
