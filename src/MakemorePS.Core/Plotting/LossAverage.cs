using System;
using System.Collections.Generic;
using System.Linq;

namespace MakemorePS.Core
{
    /// <summary>
    /// The loss curve as the lecture plots a long mini-batch run, <c>torch.tensor(lossi).view(-1, n).mean(1)</c>: the mean
    /// over blocks of n steps (steps 1..n, n+1..2n, ...), one point per block at the middle of the steps it covers.
    /// </summary>
    /// <remarks>
    /// A model's history is thinned (every step of the last 1,000, a step every stride before them), so a recorded step
    /// stands for the steps since the one recorded before it, and a block's mean weighs each record by how many of the
    /// block's steps it stands for. When every step is recorded this is the plain mean of the block's losses.
    /// </remarks>
    public static class LossAverage
    {
        /// <summary>Runs of at most this many steps are drawn step by step unless a block size is asked for.</summary>
        public const int AutomaticMinimumSteps = 1000;

        /// <summary>
        /// The median change of the loss between consecutive steps above which a run is noisy, as mini-batch training's
        /// is (a few tenths); full-batch gradient descent changes it by far less once past its first steps.
        /// </summary>
        public const double NoisyStepChange = 0.02;

        /// <summary>The number of blocks the automatic block size aims at: enough for the curve's shape, few enough that a thinned history has a dozen or more records in each.</summary>
        public const int AutomaticBlocks = 50;

        /// <summary>Whether a run is long and noisy enough to be averaged by default: more than <see cref="AutomaticMinimumSteps"/> steps and a median step-to-step change above <see cref="NoisyStepChange"/>.</summary>
        public static bool IsNoisy(TrainingRun run)
        {
            if (run is null)
            {
                throw new ArgumentNullException(nameof(run));
            }

            IReadOnlyList<TrainingPoint> points = run.Points;
            if (points.Count == 0 || Span(run) <= AutomaticMinimumSteps)
            {
                return false;
            }

            var changes = new List<double>();
            for (int i = 1; i < points.Count; i++)
            {
                double change = Math.Abs(points[i].Loss - points[i - 1].Loss);
                if (points[i].Step == points[i - 1].Step + 1 && !double.IsNaN(change) && !double.IsInfinity(change))
                {
                    changes.Add(change);
                }
            }

            if (changes.Count == 0)
            {
                return false;
            }

            changes.Sort();
            return changes[changes.Count / 2] > NoisyStepChange;
        }

        /// <summary>
        /// The block size the chart uses by default: for the noisy runs (<see cref="IsNoisy"/>), the round number of steps
        /// (1, 2 or 5 times a power of ten) that splits the longest into at most about <see cref="AutomaticBlocks"/> blocks;
        /// 1 (every step) when no run is noisy.
        /// </summary>
        public static int AutomaticBlockSize(IEnumerable<TrainingRun> runs)
        {
            if (runs is null)
            {
                throw new ArgumentNullException(nameof(runs));
            }

            long longest = runs.Where(IsNoisy).Select(Span).DefaultIfEmpty(0).Max();
            if (longest == 0)
            {
                return 1;
            }

            double wanted = (double)longest / AutomaticBlocks;
            for (long power = 1; ; power *= 10)
            {
                foreach (long size in new[] { power, 2 * power, 5 * power })
                {
                    if (size >= wanted || size * 10 > int.MaxValue)
                    {
                        return (int)size;
                    }
                }
            }
        }

        /// <summary>
        /// The run's loss, NLL and regularization averaged over blocks of <paramref name="blockSize"/> steps, one per block
        /// that holds a step of the run. A dev loss is a measurement at one step, so it is not averaged.
        /// </summary>
        /// <param name="run">The run, in step order.</param>
        /// <param name="blockSize">The number of steps in a block, at least 1.</param>
        /// <exception cref="ArgumentOutOfRangeException">The block size is less than 1.</exception>
        public static IReadOnlyList<LossBlock> Average(TrainingRun run, int blockSize)
        {
            if (run is null)
            {
                throw new ArgumentNullException(nameof(run));
            }

            if (blockSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "A block holds at least one step.");
            }

            var blocks = new List<LossBlock>();
            Block? current = null;
            long previousStep = long.MinValue;
            foreach (TrainingPoint point in run.Points)
            {
                // The steps this record stands for: those since the previous record (just its own step for the first).
                long first = previousStep == long.MinValue ? point.Step : previousStep + 1;
                previousStep = point.Step;
                while (first <= point.Step)
                {
                    long index = BlockIndex(first, blockSize);
                    long last = Math.Min(point.Step, (index + 1) * blockSize);
                    if (current is null || current.Index != index)
                    {
                        if (current is not null)
                        {
                            blocks.Add(current.Mean());
                        }

                        current = new Block(index, first);
                    }

                    current.Add(point, first, last);
                    first = last + 1;
                }
            }

            if (current is not null)
            {
                blocks.Add(current.Mean());
            }

            return blocks;
        }

        // The steps a run covers, from its first record to its last.
        private static long Span(TrainingRun run) =>
            run.Points.Count == 0 ? 0 : (long)run.Points[run.Points.Count - 1].Step - run.Points[0].Step + 1;

        // Block k holds steps k·n+1 .. (k+1)·n, as view(-1, n) groups a history that starts at step 1.
        private static long BlockIndex(long step, int blockSize) => FloorDivide(step - 1, blockSize);

        private static long FloorDivide(long value, long divisor) => value >= 0 ? value / divisor : -((-value + divisor - 1) / divisor);

        // The sums of one block: each value weighed by the number of the block's steps its record stands for.
        private sealed class Block
        {
            private readonly WeightedMean _loss = new WeightedMean();
            private readonly WeightedMean _nll = new WeightedMean();
            private readonly WeightedMean _regularization = new WeightedMean();
            private long _lastStep;

            internal Block(long index, long firstStep)
            {
                Index = index;
                FirstStep = firstStep;
            }

            internal long Index { get; }

            private long FirstStep { get; }

            internal void Add(TrainingPoint point, long first, long last)
            {
                long steps = last - first + 1;
                _loss.Add(point.Loss, steps);
                _nll.Add(point.NegativeLogLikelihood, steps);
                _regularization.Add(point.Regularization, steps);
                _lastStep = last;
            }

            internal LossBlock Mean() => new LossBlock(FirstStep, _lastStep, _loss.Value, _nll.Value, _regularization.Value);
        }

        private sealed class WeightedMean
        {
            private double _sum;
            private long _weight;

            internal double? Value => _weight == 0 ? null : _sum / _weight;

            internal void Add(double? value, long weight)
            {
                if (value.HasValue && !double.IsNaN(value.Value) && !double.IsInfinity(value.Value))
                {
                    _sum += value.Value * weight;
                    _weight += weight;
                }
            }
        }
    }
}
