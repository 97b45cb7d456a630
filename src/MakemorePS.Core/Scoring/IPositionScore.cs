namespace MakemorePS.Core
{
    /// <summary>One scored position of a name: the probability the model gave the symbol there, whatever its context.</summary>
    public interface IPositionScore
    {
        /// <summary>The name the position belongs to.</summary>
        string Name { get; }

        /// <summary>P(symbol | context) under the model.</summary>
        double Probability { get; }

        /// <summary>ln P(symbol | context); −∞ when the model gives the symbol probability 0.</summary>
        double LogProbability { get; }
    }
}
