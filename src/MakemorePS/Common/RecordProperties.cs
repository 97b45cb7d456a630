using System.Globalization;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>
    /// Reads the fields of records that arrive as plain objects, such as rows of Import-Csv, where every value is a string.
    /// </summary>
    internal static class RecordProperties
    {
        /// <summary>A number; a property that is absent or empty reads as null, one that is not a number makes the record unreadable.</summary>
        internal static bool TryReadNumber(PSObject item, string name, out double? value)
        {
            value = null;
            object? raw = item.Properties[name]?.Value;
            if (raw is null || (raw is string text && text.Length == 0))
            {
                return true;
            }

            if (LanguagePrimitives.TryConvertTo(raw, CultureInfo.InvariantCulture, out double number))
            {
                value = number;
                return true;
            }

            return false;
        }

        /// <summary>A step: a whole number in the range of Int32, which must be present.</summary>
        internal static bool TryReadStep(PSObject item, string name, out int step)
        {
            step = 0;
            if (!TryReadNumber(item, name, out double? value) || value is not double number
                || number != System.Math.Floor(number) || number < int.MinValue || number > int.MaxValue)
            {
                return false;
            }

            step = (int)number;
            return true;
        }

        /// <summary>A text that is present and not empty.</summary>
        internal static bool TryReadText(PSObject item, string name, out string text)
        {
            text = item.Properties[name]?.Value?.ToString() ?? string.Empty;
            return text.Length > 0;
        }
    }
}
