using MakemorePS.Core;

namespace MakemorePS.Benchmarks.Suites
{
    /// <summary>
    /// A <see cref="BigramTrainer"/> that is replaced by a fresh one every <see cref="StepsPerTrainer"/> steps:
    /// benchmarking calls Step() millions of times, and one trainer would keep every record in its history.
    /// A run of that many steps is still a realistic training run; the rebuild costs microseconds per 100,000 steps.
    /// </summary>
    internal sealed class TrainerPool
    {
        public const int StepsPerTrainer = 100_000;

        private readonly BigramCounts _counts;
        private readonly TrainingOptions _options;
        private BigramTrainer _trainer;

        public TrainerPool(BigramCounts counts, TrainingOptions options)
        {
            _counts = counts;
            _options = options.Clone();
            _options.Steps = StepsPerTrainer;
            _trainer = new BigramTrainer(_counts, _options);
        }

        /// <summary>The path the trainers use (Auto resolved).</summary>
        public GradientPath Path => _trainer.Path;

        public TrainingRecord Step()
        {
            if (_trainer.StepsTaken == StepsPerTrainer)
            {
                _trainer = new BigramTrainer(_counts, _options);
            }

            return _trainer.Step();
        }
    }
}
