using System;
using System.Globalization;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>
    /// Accepts only finite numbers within a bound that ValidateRange cannot express; NaN gets a message of its own, as
    /// ValidateRange would call it "less than the minimum", which is not what is wrong with it.
    /// </summary>
    internal abstract class ValidateFiniteNumberAttribute : ValidateArgumentsAttribute
    {
        /// <summary>The bound as the messages say it, for example "greater than 0".</summary>
        private protected abstract string Requirement { get; }

        /// <summary>Whether a finite <paramref name="value"/> is within the bound.</summary>
        private protected abstract bool IsWithinBound(double value);

        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            double value = Convert.ToDouble(arguments is PSObject wrapped ? wrapped.BaseObject : arguments, CultureInfo.InvariantCulture);
            if (double.IsNaN(value))
            {
                throw new ValidationMetadataException($"NaN is not a number: give a finite number {Requirement}.");
            }

            if (double.IsInfinity(value) || !IsWithinBound(value))
            {
                throw new ValidationMetadataException(string.Format(CultureInfo.InvariantCulture,
                    "The value {0} is not valid: it must be a finite number {1}.", arguments, Requirement));
            }
        }
    }
}
