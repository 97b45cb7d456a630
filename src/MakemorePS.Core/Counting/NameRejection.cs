using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// A line or name that counting skipped because it cannot be a training name, with where it came from
    /// and why, so a caller can report it and carry on with the rest.
    /// </summary>
    public sealed class NameRejection
    {
        /// <summary>Creates a rejection.</summary>
        /// <param name="lineNumber">The 1-based line number in the source (or position in a name sequence).</param>
        /// <param name="text">The offending text, as read (decoded leniently when it was not valid UTF-8).</param>
        /// <param name="error">Why it was rejected.</param>
        /// <param name="source">The file or other source it came from, if known.</param>
        public NameRejection(long lineNumber, string text, InvalidNameException error, string? source = null)
        {
            LineNumber = lineNumber;
            Text = text ?? throw new ArgumentNullException(nameof(text));
            Error = error ?? throw new ArgumentNullException(nameof(error));
            Source = source;
        }

        /// <summary>The 1-based line number in the source, or the 1-based position in a sequence of names.</summary>
        public long LineNumber { get; }

        /// <summary>The offending text, as read.</summary>
        public string Text { get; }

        /// <summary>Why the line was rejected; its <see cref="InvalidNameException.ErrorId"/> is "InvalidName".</summary>
        public InvalidNameException Error { get; }

        /// <summary>The message of <see cref="Error"/>.</summary>
        public string Message => Error.Message;

        /// <summary>The file or other source the line came from, or null.</summary>
        public string? Source { get; }

        internal NameRejection ShiftedBy(long lineOffset, string? source) =>
            new NameRejection(LineNumber + lineOffset, Text, Error, source ?? Source);

        /// <summary>"source:line: message", for logs.</summary>
        public override string ToString() =>
            (Source is null ? "line " : Source + ":") + LineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": " + Message;
    }
}
