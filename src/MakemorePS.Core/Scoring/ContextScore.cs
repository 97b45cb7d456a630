namespace MakemorePS.Core
{
    /// <summary>
    /// One position of a name scored by a model with a context of several symbols, as the lecture prints them
    /// ("..e ---> m"): the context, the symbol that follows, its probability and log-probability.
    /// </summary>
    public sealed class ContextScore : IPositionScore
    {
        /// <summary>Creates the record.</summary>
        public ContextScore(string name, string context, string next, double probability, double logProbability)
        {
            Name = name;
            Context = context;
            Next = next;
            Probability = probability;
            LogProbability = logProbability;
        }

        /// <summary>The name the position belongs to.</summary>
        public string Name { get; }

        /// <summary>The symbols the model saw, oldest first, padded with '.' at the start of the name (for example "..e").</summary>
        public string Context { get; }

        /// <summary>The symbol that follows ('.' for the end of the name).</summary>
        public string Next { get; }

        /// <summary>P(Next | Context) under the model.</summary>
        public double Probability { get; }

        /// <summary>ln P(Next | Context); −∞ when the model gives it probability 0.</summary>
        public double LogProbability { get; }

        /// <summary>The context and the next symbol, for display, for example "..e → m".</summary>
        public override string ToString() => Context + " → " + Next;
    }
}
