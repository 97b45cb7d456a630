namespace MakemorePS.Core
{
    /// <summary>One bigram of a scored name, as the lecture lists them: the pair, its probability and log-probability.</summary>
    public sealed class BigramScore : IPositionScore
    {
        /// <summary>Creates the record.</summary>
        public BigramScore(string name, string first, string second, double probability, double logProbability)
        {
            Name = name;
            First = first;
            Second = second;
            Probability = probability;
            LogProbability = logProbability;
        }

        /// <summary>The name the bigram belongs to.</summary>
        public string Name { get; }

        /// <summary>The current symbol ('.' for the start of the name).</summary>
        public string First { get; }

        /// <summary>The next symbol ('.' for the end of the name).</summary>
        public string Second { get; }

        /// <summary>P(Second | First) under the model.</summary>
        public double Probability { get; }

        /// <summary>ln P(Second | First); −∞ when the model gives the pair probability 0.</summary>
        public double LogProbability { get; }

        /// <summary>The pair, for display, for example ".e".</summary>
        public override string ToString() => First + Second;
    }
}
