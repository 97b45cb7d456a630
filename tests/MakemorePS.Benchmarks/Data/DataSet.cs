namespace MakemorePS.Benchmarks.Data
{
    /// <summary>The inputs every stage is measured on.</summary>
    public enum DataSet
    {
        /// <summary>The 32,033 bundled SSA 2018 names.</summary>
        Bundled,

        /// <summary>About 100 MB of names generated from the bundled names' bigram table (see <see cref="SyntheticCorpus"/>).</summary>
        Synthetic,
    }
}
