using System;

namespace MakemorePS.Core
{
    /// <summary>An error the core reports with a stable, PascalCase identifier that callers can match on.</summary>
    public interface IMakemoreError
    {
        /// <summary>The stable identifier, for example "InvalidName".</summary>
        string ErrorId { get; }
    }

    /// <summary>Why a name cannot be used for training.</summary>
    public enum InvalidNameReason
    {
        /// <summary>The name contains the boundary token '.'.</summary>
        ContainsBoundaryToken,

        /// <summary>The name holds half of a surrogate pair.</summary>
        UnpairedSurrogate,

        /// <summary>The line's bytes are not valid UTF-8.</summary>
        InvalidEncoding,

        /// <summary>The line is longer than a reader's line limit.</summary>
        TooLong,

        /// <summary>The name is empty after normalization.</summary>
        Empty,
    }

    /// <summary>A training name that cannot be modelled.</summary>
    public sealed class InvalidNameException : FormatException, IMakemoreError
    {
        /// <summary>Creates the exception.</summary>
        public InvalidNameException(string name, InvalidNameReason reason, string message)
            : base(message)
        {
            Name = name;
            Reason = reason;
        }

        /// <summary>The offending name.</summary>
        public string Name { get; }

        /// <summary>What is wrong with it.</summary>
        public InvalidNameReason Reason { get; }

        /// <inheritdoc/>
        public string ErrorId => "InvalidName";
    }

    /// <summary>A name holds a character the model's vocabulary does not know.</summary>
    public sealed class UnknownCharacterException : ArgumentException, IMakemoreError
    {
        /// <summary>Creates the exception.</summary>
        public UnknownCharacterException(string name, string character)
            : base($"The name '{name}' contains '{character}' (U+{(character.Length > 0 ? char.ConvertToUtf32(character, 0) : 0):X4}), which the model's vocabulary does not know; the model can only score names made of its own characters.")
        {
            Name = name;
            Character = character;
        }

        /// <summary>The offending name.</summary>
        public string Name { get; }

        /// <summary>The first unknown character.</summary>
        public string Character { get; }

        /// <inheritdoc/>
        public string ErrorId => "UnknownCharacter";
    }

    /// <summary>A model file that cannot be read: corrupt, truncated, of the wrong shape, or from a newer version.</summary>
    public sealed class ModelFormatException : FormatException, IMakemoreError
    {
        /// <summary>Creates the exception.</summary>
        public ModelFormatException(string message, Exception? inner = null)
            : base(message, inner)
        {
        }

        /// <inheritdoc/>
        public string ErrorId => "InvalidModelFile";
    }

    /// <summary>Training produced a loss that is NaN or infinite.</summary>
    public sealed class TrainingDivergedException : ArithmeticException, IMakemoreError
    {
        /// <summary>Creates the exception.</summary>
        public TrainingDivergedException(int step, double loss, float learningRate)
            : base($"Training diverged at step {step}: the loss became {loss.ToString(System.Globalization.CultureInfo.InvariantCulture)}. Try a lower learning rate than {learningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}.")
        {
            Step = step;
            Loss = loss;
        }

        /// <summary>Creates the exception with a message that names the cause (for example, which gradient stopped being finite).</summary>
        public TrainingDivergedException(int step, double loss, string message)
            : base(message)
        {
            Step = step;
            Loss = loss;
        }

        /// <summary>The step whose forward pass gave the non-finite loss.</summary>
        public int Step { get; }

        /// <summary>The non-finite loss.</summary>
        public double Loss { get; }

        /// <inheritdoc/>
        public string ErrorId => "TrainingDiverged";
    }

    /// <summary>
    /// Sampling with training names excluded gave up: every one of the allowed attempts in a row produced a training
    /// name (or an empty name), so the model cannot, in practice, produce a novel name.
    /// </summary>
    public sealed class NoNovelNamesException : InvalidOperationException, IMakemoreError
    {
        /// <summary>Creates the exception.</summary>
        /// <param name="attempts">How many samples in a row were rejected.</param>
        /// <param name="namesProduced">How many novel names had been produced before giving up.</param>
        public NoNovelNamesException(int attempts, int namesProduced)
            : base($"No novel name after {attempts} attempts in a row (after {namesProduced} novel names): every sample was a training name or empty. Raise the temperature, allow more attempts, or stop excluding training names.")
        {
            Attempts = attempts;
            NamesProduced = namesProduced;
        }

        /// <summary>How many samples in a row were rejected.</summary>
        public int Attempts { get; }

        /// <summary>How many novel names had been produced before giving up.</summary>
        public int NamesProduced { get; }

        /// <inheritdoc/>
        public string ErrorId => "NoNovelNames";
    }
}
