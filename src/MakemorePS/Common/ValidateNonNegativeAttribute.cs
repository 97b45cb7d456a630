using System;

namespace MakemorePS.Common
{
    /// <summary>Accepts only finite numbers of 0 or more.</summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateNonNegativeAttribute : ValidateFiniteNumberAttribute
    {
        private protected override string Requirement => "of 0 or more";

        private protected override bool IsWithinBound(double value) => value >= 0.0;
    }
}
