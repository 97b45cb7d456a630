using System;
using System.Globalization;

namespace MakemorePS.Core
{
    /// <summary>
    /// One run of training in a model's history: the settings it used and the steps it took. A model continued
    /// several times keeps one run per continuation, so its history says honestly how it was trained.
    /// </summary>
    public sealed class TrainingRunSummary
    {
        private readonly TrainingOptions _settings;

        /// <summary>Creates a run record.</summary>
        /// <param name="settings">The settings of the run (copied).</param>
        /// <param name="firstStep">The number of its first step (1 for a run from scratch).</param>
        /// <param name="stepCount">How many steps it took (0 or more).</param>
        public TrainingRunSummary(TrainingOptions settings, int firstStep, int stepCount)
        {
            if (settings is null)
            {
                throw new ArgumentNullException(nameof(settings));
            }

            if (firstStep < 1 || stepCount < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(firstStep), "A run starts at step 1 or later and takes 0 or more steps.");
            }

            _settings = settings.Clone();
            FirstStep = firstStep;
            StepCount = stepCount;
        }

        /// <summary>The settings of the run (a copy).</summary>
        public TrainingOptions Settings => _settings.Clone();

        /// <summary>The number of the run's first step.</summary>
        public int FirstStep { get; }

        /// <summary>How many steps the run took.</summary>
        public int StepCount { get; }

        /// <summary>The number of the run's last step (FirstStep − 1 when it took none).</summary>
        public int LastStep => FirstStep + StepCount - 1;

        /// <inheritdoc/>
        public override string ToString() => string.Format(CultureInfo.InvariantCulture, "steps {0}-{1}: {2}", FirstStep, LastStep, _settings);
    }
}
