using System.Globalization;

namespace MakemorePS.Common
{
    /// <summary>Message text shared by several cmdlets, with counts in correct English.</summary>
    internal static class Messages
    {
        /// <summary>"1 blank line", "2 blank lines": a count with its noun, singular or plural.</summary>
        internal static string Count(long count, string singular, string? plural = null) =>
            string.Format(CultureInfo.InvariantCulture, "{0:N0} {1}", count, count == 1 ? singular : plural ?? singular + "s");

        /// <summary>The warning about blank names or lines that were skipped.</summary>
        internal static string SkippedBlank(long count) => $"Skipped {Count(count, "blank line")}.";

        /// <summary>
        /// The warning that settings of a new model were given for a continued one: "-Seed and -Initialization apply to a
        /// new model only: a continued model keeps its weights and its random state, so they change nothing."
        /// </summary>
        /// <param name="kept">What the continued model keeps instead ("its weights").</param>
        /// <param name="parameters">The parameters given ("-Initialization").</param>
        internal static string AppliesToNewModelOnly(string kept, params string[] parameters)
        {
            bool plural = parameters.Length > 1;
            return $"{string.Join(" and ", parameters)} {(plural ? "apply" : "applies")} to a new model only: a continued model keeps {kept}, so {(plural ? "they change" : "it changes")} nothing.";
        }

        /// <summary>Why nothing could be counted; points at the errors only when some were written, at blanks only when some were skipped.</summary>
        internal static string NoUsableNames(long errorsWritten, long blankCount) =>
            $"No usable names were read: {WhyNoNames(errorsWritten, blankCount, ", or the files could not be read")}Give at least one name.";

        /// <summary>Why nothing could be scored, for a summary; as <see cref="NoUsableNames"/>.</summary>
        internal static string NoScoredNames(long errorsWritten, long blankCount) =>
            $"No names could be scored, so there is nothing to summarize: {WhyNoNames(errorsWritten, blankCount, string.Empty)}Give at least one name made of the model's characters.";

        private static string WhyNoNames(long errorsWritten, long blankCount, string otherFailures) =>
            errorsWritten > 0 ? $"every name was blank or invalid{otherFailures} (see the {Count(errorsWritten, "error")} above). "
            : blankCount > 0 ? "the input held only blank names ($null, empty strings or blank lines). "
            : "the input was empty (no names at all, not even blank ones). ";
    }
}
