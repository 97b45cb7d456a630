using System;
using System.Globalization;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>
    /// Accepts only finite numbers of 0 or more. ValidateRange reports NaN as "less than the minimum", which is not
    /// what is wrong with it.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    internal sealed class ValidateNonNegativeAttribute : ValidateArgumentsAttribute
    {
        /// <inheritdoc/>
        protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
        {
            double value = Convert.ToDouble(arguments is PSObject wrapped ? wrapped.BaseObject : arguments, CultureInfo.InvariantCulture);
            if (double.IsNaN(value))
            {
                throw new ValidationMetadataException("NaN is not a number: give a finite number of 0 or more.");
            }

            if (value < 0.0 || double.IsInfinity(value))
            {
                throw new ValidationMetadataException(string.Format(CultureInfo.InvariantCulture,
                    "The value {0} is not valid: it must be a finite number of 0 or more.", arguments));
            }
        }
    }
}
