using System;

namespace MakemorePS.Common
{
    /// <summary>Accepts only finite numbers greater than zero (ValidateRange cannot exclude its lower bound).</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidatePositiveAttribute : ValidateFiniteNumberAttribute
    {
        private protected override string Requirement => "greater than 0";

        private protected override bool IsWithinBound(double value) => value > 0.0;
    }
}
