using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// Trains the neural bigram model (a V×V weight matrix W; P = softmax(W) row by row) by gradient descent on
    /// loss = mean NLL + λ·mean(W²), with W −= lr·dLoss/dW after every step.
    /// </summary>
    /// <remarks>
    /// Full batch by default, through the count-matrix path (O(V²) per step); mini-batches of
    /// <see cref="TrainingOptions.BatchSize"/> examples go through the per-example path, drawn epoch by epoch from a
    /// seeded shuffle (PCG32 with the options' seed on stream 1; initialization uses stream 54, the default).
    /// A step's record holds the loss of its forward pass, before its update. Not thread-safe.
    /// </remarks>
    public sealed class BigramTrainer
    {
        private const long ShuffleStream = 1;

        // Divergence: a loss this many times the run's first loss means the steps are blowing up.
        private const double DivergenceFactor = 1000.0;

        private readonly int _v;
        private float[] _weights;
        private float[] _updated;
        private readonly float[] _gradient;
        private readonly CountMatrixObjective? _countMatrix;
        private readonly PerExampleObjective? _perExample;
        private readonly int _batchSize;
        private readonly int[]? _order;
        private readonly Pcg32? _shuffler;
        private readonly LossHistory _history = new LossHistory();
        private readonly IEnumerable<string> _trainingNames;
        private readonly int _startStep;
        private readonly List<TrainingRunSummary> _runs = new List<TrainingRunSummary>();
        private double _firstLoss = double.NaN;
        private ulong _epochStartState;
        private int _orderPosition;

        /// <summary>Prepares training on <paramref name="counts"/>.</summary>
        /// <param name="counts">The bigram counts of the training names.</param>
        /// <param name="options">The settings (validated and copied).</param>
        /// <param name="start">
        /// A neural model to continue from (its weights and loss history), or a count model (then the weights start as
        /// the options say). Its vocabulary must equal that of <paramref name="counts"/>.
        /// </param>
        /// <param name="trainingNames">The distinct training names to keep in the model; by default the start model's.</param>
        /// <exception cref="ArgumentException">The counts hold no bigram, the vocabularies differ, or LogCounts with smoothing 0 meets a bigram that never occurs.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        public BigramTrainer(BigramCounts counts, TrainingOptions options, BigramModel? start = null, IEnumerable<string>? trainingNames = null)
        {
            Counts = counts ?? throw new ArgumentNullException(nameof(counts));
            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            Options = options.Clone();
            if (counts.TotalBigrams == 0)
            {
                throw new ArgumentException("The counts hold no bigram, so there is nothing to train on. Give at least one name.", nameof(counts));
            }

            if (start != null && !start.Vocabulary.Equals(counts.Vocabulary))
            {
                throw new ArgumentException("The start model's vocabulary differs from that of the counts; train on the counts the model was built from.", nameof(start));
            }

            _v = counts.Size;
            _trainingNames = trainingNames ?? (IEnumerable<string>?)start?.TrainingNames ?? Array.Empty<string>();
            _gradient = new float[_v * _v];
            _updated = new float[_v * _v];
            if (start != null && start.Kind == BigramModelKind.Neural)
            {
                _weights = start.GetWeights()!;
                foreach (TrainingRecord record in start.LossHistory)
                {
                    _history.Add(record);
                }

                _runs.AddRange(start.TrainingRuns);
            }
            else
            {
                if (start != null && Options.Initialization == WeightInitialization.LogCounts)
                {
                    // LogCounts from a count model starts at that model's own probabilities: log(N + its k).
                    Options.InitializationSmoothing = start.Smoothing ?? Options.InitializationSmoothing;
                }

                _weights = InitialWeights(counts, Options);
            }

            _startStep = _history.LastStep;
            bool miniBatch = Options.BatchSize > 0 && Options.BatchSize < counts.TotalBigrams;
            Path = Options.GradientPath == GradientPath.Auto
                ? (miniBatch ? GradientPath.PerExample : GradientPath.CountMatrix)
                : Options.GradientPath;
            if (Path == GradientPath.CountMatrix)
            {
                _countMatrix = new CountMatrixObjective(counts, Options.Regularization);
            }
            else
            {
                _perExample = PerExampleObjective.FromCounts(counts, Options.Regularization);
                if (miniBatch)
                {
                    _batchSize = Options.BatchSize;
                    _order = new int[_perExample.ExampleCount];
                    for (int b = 0; b < _order.Length; b++)
                    {
                        _order[b] = b;
                    }

                    ShuffleState? saved = start != null && start.Kind == BigramModelKind.Neural ? start.ShuffleState : null;
                    if (saved != null && saved.Continues(Options, _order.Length))
                    {
                        // Resume where the saved run stood: redo its current epoch's shuffle and skip what it drew.
                        _shuffler = Pcg32.FromState(saved.GeneratorState, saved.GeneratorIncrement);
                        Shuffle();
                        _orderPosition = saved.Position;
                    }
                    else
                    {
                        _shuffler = new Pcg32(Options.Seed, ShuffleStream);
                        Shuffle();
                    }
                }
            }
        }

        /// <summary>The counts training runs on.</summary>
        public BigramCounts Counts { get; }

        /// <summary>A copy of the settings.</summary>
        public TrainingOptions Options { get; }

        /// <summary>The path that computes each step (Auto resolved).</summary>
        public GradientPath Path { get; }

        /// <summary>The steps this trainer has taken.</summary>
        public int StepsTaken => _history.LastStep - _startStep;

        /// <summary>The records kept so far (see <see cref="LossHistory"/>), including a start model's history.</summary>
        public IReadOnlyList<TrainingRecord> History => _history.ToArray();

        /// <summary>The current weights W, (V,V) row-major.</summary>
        public ReadOnlySpan<float> Weights => _weights;

        /// <summary>
        /// Takes one gradient step: forward (loss before the update), backward, W −= lr·gradient. Allocates only the
        /// returned record.
        /// </summary>
        /// <exception cref="TrainingDivergedException">
        /// The loss or the gradient is NaN or infinite, the loss grew to more than 1,000 times the run's first loss,
        /// or the update would make a weight NaN or infinite. The update is not applied, so the weights stay those of
        /// the last completed step.
        /// </exception>
        public TrainingRecord Step()
        {
            BigramLoss loss = Evaluate();
            int step = _history.LastStep + 1;
            if (!loss.IsFinite)
            {
                throw Diverged(step, loss, $"the loss became {Format(loss.Loss)}");
            }

            if (double.IsNaN(_firstLoss))
            {
                _firstLoss = loss.Loss;
            }
            else if (_firstLoss > 0.0 && loss.Loss > DivergenceFactor * _firstLoss)
            {
                throw Diverged(step, loss, $"the loss grew from {Format(_firstLoss)} at the start of this run to {Format(loss.Loss)}");
            }

            double gradientNorm = Math.Sqrt(Kernels.SumOfSquares(_gradient));
            if (double.IsNaN(gradientNorm) || double.IsInfinity(gradientNorm))
            {
                throw Diverged(step, loss, $"the gradient became {Format(gradientNorm)}");
            }

            Kernels.MultiplyAdd(_gradient, -Options.LearningRate, _weights, _updated);
            foreach (float w in _updated)
            {
                if (float.IsNaN(w) || float.IsInfinity(w))
                {
                    throw Diverged(step, loss, "the update made a weight " + Format(w));
                }
            }

            (_weights, _updated) = (_updated, _weights);
            var record = new TrainingRecord(step, loss.Loss, loss.NegativeLogLikelihood, loss.Regularization, gradientNorm);
            _history.Add(record);
            return record;
        }

        /// <summary>A model of the current weights with the history so far.</summary>
        /// <exception cref="InvalidOperationException">A weight is no longer finite (only after divergence).</exception>
        public BigramModel ToModel()
        {
            foreach (float w in _weights)
            {
                if (float.IsNaN(w) || float.IsInfinity(w))
                {
                    throw new InvalidOperationException("Training diverged and the weights are no longer finite, so they cannot form a model. Train again with a lower learning rate.");
                }
            }

            var runs = new List<TrainingRunSummary>(_runs) { new TrainingRunSummary(Options, _startStep + 1, StepsTaken) };
            ShuffleState? shuffle = _order == null ? null
                : new ShuffleState(Options.Seed, _batchSize, _order.Length, _epochStartState, _shuffler!.Increment, _orderPosition);
            return BigramModel.FromWeights(Counts, _weights, _trainingNames, Options, _history.ToArray(), runs, shuffle);
        }

        /// <summary>
        /// Steps until this trainer has taken <see cref="TrainingOptions.Steps"/> steps, calling <paramref name="onStep"/>
        /// after each. Cancellation is checked between steps and keeps the last good weights.
        /// </summary>
        /// <exception cref="TrainingDivergedException">A step's loss is NaN or infinite.</exception>
        public TrainingResult Run(Action<TrainingRecord>? onStep = null, CancellationToken cancellationToken = default)
        {
            int before = StepsTaken;
            bool cancelled = false;
            while (StepsTaken < Options.Steps)
            {
                if (cancellationToken.IsCancellationRequested)
                {
                    cancelled = true;
                    break;
                }

                TrainingRecord record = Step();
                onStep?.Invoke(record);
            }

            return new TrainingResult(ToModel(), cancelled, StepsTaken - before);
        }

        /// <summary>Trains a neural model from scratch; on cancellation returns the model after the last completed step.</summary>
        /// <exception cref="TrainingDivergedException">A step's loss is NaN or infinite.</exception>
        public static BigramModel Train(BigramCounts counts, TrainingOptions options, IEnumerable<string>? trainingNames = null,
            Action<TrainingRecord>? onStep = null, CancellationToken cancellationToken = default) =>
            new BigramTrainer(counts, options, null, trainingNames).Run(onStep, cancellationToken).Model;

        /// <summary>The starting weights the options ask for: seeded standard normal (row-major), zeros, or log(N + k).</summary>
        /// <exception cref="ArgumentException">LogCounts with k = 0 meets a bigram that never occurs (log 0).</exception>
        public static float[] InitialWeights(BigramCounts counts, TrainingOptions options)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            int v = counts.Size;
            var weights = new float[v * v];
            switch (options.Initialization)
            {
                case WeightInitialization.Zeros:
                    break;
                case WeightInitialization.LogCounts:
                    double k = options.InitializationSmoothing;
                    ReadOnlySpan<long> table = counts.AsSpan();
                    for (int cell = 0; cell < weights.Length; cell++)
                    {
                        double value = table[cell] + k;
                        if (value <= 0.0)
                        {
                            string pair = counts.Vocabulary.GetSymbol(cell / v) + counts.Vocabulary.GetSymbol(cell % v);
                            throw new ArgumentException($"LogCounts initialization with smoothing 0 needs every bigram to occur, but '{pair}' never does (log 0 = −∞). Use a smoothing above 0.", nameof(options));
                        }

                        weights[cell] = (float)Math.Log(value);
                    }

                    break;
                default:
                    var rng = new Pcg32(options.Seed);
                    for (int cell = 0; cell < weights.Length; cell++)
                    {
                        weights[cell] = (float)rng.NextGaussian();
                    }

                    break;
            }

            return weights;
        }

        /// <summary>
        /// The error for a step that cannot be taken, naming the setting at fault: the regularization when it is
        /// strong (λ ≥ 1, a penalty on the scale of the loss itself) and η·λ exceeds V², so that the decay factor
        /// 1 − 2ηλ/V² of every step is below −1 and the weights oscillate with growing size; otherwise the learning rate.
        /// </summary>
        private TrainingDivergedException Diverged(int step, BigramLoss loss, string what)
        {
            double product = (double)Options.LearningRate * Options.Regularization;
            bool regularization = Options.Regularization >= 1f && product > (double)_v * _v;
            string advice = regularization
                ? $"The regularization is too strong for this learning rate: η·λ = {Format(product)} exceeds V² = {_v * _v}, so each step overshoots. Lower -Regularization (now {Format(Options.Regularization)})."
                : $"The steps are too large: lower -LearningRate (now {Format(Options.LearningRate)}).";
            return new TrainingDivergedException(step, loss.Loss, regularization ? nameof(TrainingOptions.Regularization) : nameof(TrainingOptions.LearningRate),
                $"Training diverged at step {step}: {what}. {advice}");
        }

        private static string Format(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

        private BigramLoss Evaluate()
        {
            if (_countMatrix != null)
            {
                return _countMatrix.Evaluate(_weights, _gradient);
            }

            if (_order == null)
            {
                return _perExample!.Evaluate(_weights, _gradient);
            }

            // The next mini-batch of the current epoch; an epoch's short tail is skipped by reshuffling.
            if (_orderPosition + _batchSize > _order.Length)
            {
                Shuffle();
            }

            BigramLoss loss = _perExample!.Evaluate(_weights, _order.AsSpan(_orderPosition, _batchSize), _gradient);
            _orderPosition += _batchSize;
            return loss;
        }

        private void Shuffle()
        {
            // Fisher–Yates of the identity with the trainer's own seeded generator: the same seed gives the same
            // batches everywhere, and each epoch's order depends only on the generator state before it, which a
            // model saves so that training resumes exactly.
            int[] order = _order!;
            _epochStartState = _shuffler!.State;
            for (int b = 0; b < order.Length; b++)
            {
                order[b] = b;
            }

            for (int i = order.Length - 1; i > 0; i--)
            {
                int j = (int)_shuffler!.NextUInt32((uint)(i + 1));
                (order[i], order[j]) = (order[j], order[i]);
            }

            _orderPosition = 0;
        }
    }
}
