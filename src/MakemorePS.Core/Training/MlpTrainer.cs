using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>
    /// Trains the MLP language model as the lecture's loop does: each step draws <see cref="MlpTrainingOptions.BatchSize"/>
    /// examples uniformly with replacement, runs the forward pass (the step's loss), the hand-written backward pass, and
    /// θ −= lr·∇θ for every trained tensor. Not thread-safe.
    /// </summary>
    /// <remarks>
    /// <para>
    /// One generator, PyTorch's (<see cref="TorchGenerator"/>) seeded with <see cref="MlpTrainingOptions.Seed"/>, draws the
    /// initial weights as the lecture's <c>torch.randn</c> calls do and then every batch index as its <c>torch.randint</c>
    /// does, so the default options start from the lecture's weights and draw its batches. A model made by <see cref="ToModel"/>
    /// carries the step count, the generator state and every training name, so training resumed from it with the same
    /// options, and the same names or none (its own), continues bit for bit as if it had never stopped (on the same
    /// machine and runtime).
    /// </para>
    /// <para>
    /// The model keeps every step's loss as <see cref="MlpModel.LossHistory"/> keeps it (a model continued from another
    /// goes on from its history) and the diagnostics of every step that measured them.
    /// </para>
    /// <para>
    /// With validation names the last step of every run is measured, a cancelled run's too, so that a model's
    /// <see cref="MlpModel.DevLoss"/> is always that of its current weights (or null when they were never measured).
    /// </para>
    /// <para><see cref="Step"/> allocates nothing; the record-producing methods allocate only the records.</para>
    /// </remarks>
    public sealed class MlpTrainer
    {
        private readonly MlpParameters _parameters;
        private readonly MlpNetwork _network;
        private readonly (string Name, float[] Values, float[] Gradient, int Rows, int Columns)[] _trained;
        private readonly double[] _valueBounds;
        private readonly double[] _updates;
        private readonly int[] _batchContexts;
        private readonly int[] _batchTargets;
        private readonly MlpBatchGenerator _batches;
        private readonly string[] _trainingNames;
        private readonly ThinnedHistory<StepLoss> _history;

        // Every dev loss measured, by step: apart from the history so that the last step's can be added after its record.
        private readonly Dictionary<int, double> _devLosses = new Dictionary<int, double>();
        private readonly List<MlpActivationStatistics> _activations = new List<MlpActivationStatistics>();
        private readonly List<MlpGradientStatistics> _gradients = new List<MlpGradientStatistics>();
        private int _step;
        private double? _lastLoss;

        /// <summary>Prepares training.</summary>
        /// <param name="trainingNames">
        /// The training names, duplicates included. Their symbols make the vocabulary, unless training resumes from a
        /// model; null continues <paramref name="start"/> on the names it was trained on.
        /// </param>
        /// <param name="options">The settings (validated and copied). <see cref="MlpTrainingOptions.Steps"/> is the total to reach.</param>
        /// <param name="start">
        /// A model to continue from: its weights, step count, generator state, loss history and diagnostics. Its
        /// architecture must match the options'.
        /// </param>
        /// <param name="validationNames">Names whose loss is measured every <see cref="MlpTrainingOptions.DevLossInterval"/> steps; optional.</param>
        /// <param name="onRejectedName">
        /// Receives the <see cref="InvalidNameException"/> or <see cref="UnknownCharacterException"/> of each training or
        /// validation name left out (the others are still used); without it the first such exception is thrown.
        /// </param>
        /// <exception cref="ArgumentException">No usable training name, or the start model's architecture differs from the options'.</exception>
        /// <exception cref="ArgumentNullException">No training names and no start model.</exception>
        /// <exception cref="ArgumentOutOfRangeException">An option is out of range.</exception>
        public MlpTrainer(IEnumerable<string>? trainingNames, MlpTrainingOptions options, MlpModel? start = null,
            IEnumerable<string>? validationNames = null, Action<Exception>? onRejectedName = null)
        {
            trainingNames ??= start?.EveryTrainingName ?? throw new ArgumentNullException(nameof(trainingNames));

            if (options is null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.Validate();
            Options = options.Clone();
            _history = new ThinnedHistory<StepLoss>(entry => entry.Step, entry => _devLosses.ContainsKey(entry.Step));
            if (start != null && !start.TrainingSettings.HasSameArchitecture(Options))
            {
                throw new ArgumentException(string.Format(CultureInfo.InvariantCulture,
                    "The model to continue has BlockSize {0}, EmbeddingSize {1}, HiddenSize {2} and BatchNorm {3}; the options ask for {4}, {5}, {6} and {7}. Give the model's own sizes to continue training it.",
                    start.BlockSize, start.EmbeddingSize, start.HiddenSize, start.BatchNorm, Options.BlockSize, Options.EmbeddingSize, Options.HiddenSize, Options.BatchNorm), nameof(start));
            }

            string[] names = trainingNames.ToArray();
            Vocabulary vocabulary = start?.Vocabulary ?? Vocabulary.FromNames(names.Where(name => IsValid(name, onRejectedName)));
            TrainingSet = ContextWindowDataset.Create(names, vocabulary, Options.BlockSize, start is null ? IgnoreRejection : onRejectedName);
            if (TrainingSet.NameCount == 0)
            {
                throw new ArgumentException("No usable training name, so there is nothing to train on. Give at least one name.", nameof(trainingNames));
            }

            ValidationSet = validationNames is null ? null : ContextWindowDataset.Create(validationNames, vocabulary, Options.BlockSize, onRejectedName);
            _trainingNames = names.Where(name => name != null && IsEncodable(name, vocabulary)).ToArray();

            if (start is null)
            {
                _parameters = new MlpParameters(vocabulary.Count, Options.BlockSize, Options.EmbeddingSize, Options.HiddenSize, Options.BatchNorm);
                var generator = new TorchGenerator(Options.Seed);
                _parameters.Initialize(Options.Initialization, generator);
                _batches = MlpBatchGenerator.From(generator);
            }
            else
            {
                _parameters = start.Parameters.Clone();
                _batches = start.Generator.Resume();
                _step = start.Steps;
                _lastLoss = start.FinalLoss;
                foreach (MlpTrainingRecord record in start.LossHistory)
                {
                    if (record.DevLoss is double devLoss)
                    {
                        _devLosses[record.Step] = devLoss;
                    }

                    _history.Add(new StepLoss(record.Step, record.Loss, record.LearningRate));
                }

                if (start.DevLoss is double current)
                {
                    _devLosses[start.Steps] = current;
                }

                _activations.AddRange(start.ActivationStatistics);
                _gradients.AddRange(start.GradientStatistics);
            }

            _network = new MlpNetwork(_parameters, Options.BatchSize);
            MlpParameters gradients = _network.Gradients;
            _trained = _parameters.Trained().Zip(gradients.Trained(), (p, g) => (p.Name, p.Values, g.Values, p.Rows, p.Columns)).ToArray();
            _valueBounds = _trained.Select(t => (double)Kernels.MaxMagnitude(t.Values)).ToArray();
            _updates = new double[_trained.Length];
            _batchContexts = new int[Options.BatchSize * Options.BlockSize];
            _batchTargets = new int[Options.BatchSize];
        }

        /// <summary>A copy of the settings.</summary>
        public MlpTrainingOptions Options { get; }

        /// <summary>The vocabulary of the model being trained.</summary>
        public Vocabulary Vocabulary => TrainingSet.Vocabulary;

        /// <summary>The training examples.</summary>
        public ContextWindowDataset TrainingSet { get; }

        /// <summary>The validation examples, or null when no validation names were given.</summary>
        public ContextWindowDataset? ValidationSet { get; }

        /// <summary>The steps taken in all, counting those of a model training resumed from.</summary>
        public int StepsTaken => _step;

        /// <summary>
        /// Takes one step and returns its mini-batch loss (before the update), which the model's history keeps. Allocates nothing.
        /// </summary>
        /// <exception cref="TrainingDivergedException">The loss, a BatchNorm std or a gradient is not finite; the message names it. The update is not applied.</exception>
        public double Step()
        {
            double loss = Advance();
            _history.Add(new StepLoss(_step, loss, Options.LearningRateAt(_step)));
            return loss;
        }

        // One step of training, not yet recorded.
        private double Advance()
        {
            int step = _step + 1;
            int blockSize = Options.BlockSize;
            uint exampleCount = (uint)TrainingSet.Count;
            ReadOnlySpan<int> contexts = TrainingSet.Contexts;
            ReadOnlySpan<int> targets = TrainingSet.Targets;
            for (int n = 0; n < _batchTargets.Length; n++)
            {
                int index = (int)_batches.NextIndex(exampleCount);
                contexts.Slice(index * blockSize, blockSize).CopyTo(_batchContexts.AsSpan(n * blockSize, blockSize));
                _batchTargets[n] = targets[index];
            }

            float learningRate = Options.LearningRateAt(step);
            double loss = _network.Forward(_batchContexts, _batchTargets, Options.BatchNormEpsilon, step, learningRate);
            if (double.IsNaN(loss) || double.IsInfinity(loss))
            {
                throw new TrainingDivergedException(step, loss, string.Format(CultureInfo.InvariantCulture,
                    "Training diverged at step {0}: the mini-batch loss became {1}. Try a lower learning rate than {2}.", step, loss, learningRate));
            }

            _network.Backward(_batchContexts, _batchTargets);
            for (int t = 0; t < _trained.Length; t++)
            {
                // MaxMagnitude is NaN when any element is NaN and ∞ when any is infinite: one pass checks the gradient.
                float gradientMax = Kernels.MaxMagnitude(_trained[t].Gradient);
                if (!(gradientMax <= float.MaxValue))
                {
                    throw new TrainingDivergedException(step, loss, string.Format(CultureInfo.InvariantCulture,
                        "Training diverged at step {0}: the gradient of {1} holds NaN or infinity (the loss was {2}). Try a lower learning rate than {3}.", step, _trained[t].Name, loss, learningRate));
                }

                // |θ − lr·g| ≤ max|θ| + lr·max|g|, checked before any update so the weights stay the last good ones.
                // The bound on max|θ| grows by lr·max|g| per step and is measured afresh only when it gets near overflow.
                double update = (double)learningRate * gradientMax;
                if (_valueBounds[t] + update > float.MaxValue)
                {
                    _valueBounds[t] = Kernels.MaxMagnitude(_trained[t].Values);
                    if (_valueBounds[t] + update > float.MaxValue)
                    {
                        throw new TrainingDivergedException(step, loss, string.Format(CultureInfo.InvariantCulture,
                            "Training diverged at step {0}: the update of {1} would overflow float32 (the loss was {2}). Try a lower learning rate than {3}.", step, _trained[t].Name, loss, learningRate));
                    }
                }

                _updates[t] = update;
            }

            _network.UpdateRunningStatistics(Options.BatchNormMomentum);
            for (int t = 0; t < _trained.Length; t++)
            {
                Kernels.MultiplyAdd(_trained[t].Gradient, -learningRate, _trained[t].Values, _trained[t].Values);
                _valueBounds[t] += _updates[t];
            }

            _step = step;
            _lastLoss = loss;
            return loss;
        }

        /// <summary>
        /// Trains lazily up to <see cref="MlpTrainingOptions.Steps"/>, yielding each step's record (with the dev loss and
        /// diagnostics at their intervals, and the dev loss at the last step). Stops early, between steps, when
        /// <paramref name="cancellationToken"/> is cancelled; the step before that is then the last, and its dev loss is
        /// measured too (in its record when the cancellation came during the step, else in the model's history only).
        /// </summary>
        /// <exception cref="TrainingDivergedException">A step's loss, BatchNorm std or gradient is not finite.</exception>
        public IEnumerable<MlpTrainingRecord> Run(CancellationToken cancellationToken = default)
        {
            while (_step < Options.Steps && !cancellationToken.IsCancellationRequested)
            {
                double loss = Advance();
                int step = _step;
                bool last = step == Options.Steps || cancellationToken.IsCancellationRequested;
                float learningRate = Options.LearningRateAt(step);
                _history.Add(new StepLoss(step, loss, learningRate));
                double? devLoss = null;
                if (last || (Options.DevLossInterval > 0 && step % Options.DevLossInterval == 0))
                {
                    devLoss = MeasureDevLoss();
                }

                IReadOnlyList<MlpActivationStatistics>? activations = null;
                IReadOnlyList<MlpGradientStatistics>? gradients = null;
                if (Options.DiagnosticsInterval > 0 && step % Options.DiagnosticsInterval == 0)
                {
                    activations = MeasureActivations();
                    gradients = MeasureGradients();
                    _activations.AddRange(activations);
                    _gradients.AddRange(gradients);
                }

                yield return new MlpTrainingRecord(step, loss, learningRate, devLoss, activations, gradients);
            }

            if (cancellationToken.IsCancellationRequested)
            {
                MeasureDevLoss();
            }
        }

        /// <summary>
        /// Trains up to <see cref="MlpTrainingOptions.Steps"/>, calling <paramref name="onStep"/> after each step. On
        /// cancellation (checked between steps) returns the model after the last completed step, ready to resume.
        /// </summary>
        /// <exception cref="TrainingDivergedException">A step's loss, BatchNorm std or gradient is not finite.</exception>
        public MlpTrainingResult Train(Action<MlpTrainingRecord>? onStep = null, CancellationToken cancellationToken = default)
        {
            int before = _step;
            foreach (MlpTrainingRecord record in Run(cancellationToken))
            {
                onStep?.Invoke(record);
            }

            return new MlpTrainingResult(ToModel(), _step < Options.Steps, _step - before);
        }

        /// <summary>Trains a model from scratch with <paramref name="options"/>.</summary>
        public static MlpModel Train(IEnumerable<string> trainingNames, MlpTrainingOptions options, IEnumerable<string>? validationNames = null,
            Action<MlpTrainingRecord>? onStep = null, CancellationToken cancellationToken = default) =>
            new MlpTrainer(trainingNames, options, null, validationNames).Train(onStep, cancellationToken).Model;

        /// <summary>A model of the current weights, with the history so far: a checkpoint that training can resume from exactly.</summary>
        /// <remarks>Its <see cref="MlpModel.DevLoss"/> is that of the current step, or null when this step was not measured.</remarks>
        public MlpModel ToModel() =>
            new MlpModel(Vocabulary, _parameters, Options, _trainingNames, _step, _lastLoss, DevLossAt(_step), _batches.State,
                _history.ToArray().Select(entry => new MlpTrainingRecord(entry.Step, entry.Loss, entry.LearningRate, DevLossAt(entry.Step))),
                _activations, _gradients);

        /// <summary>
        /// The mean NLL of the validation names under the current weights (evaluation mode), measured once per step and
        /// kept as the dev loss of the current step (the history's record of it, and the model's); null without validation names.
        /// </summary>
        public double? MeasureDevLoss()
        {
            if (ValidationSet is null || ValidationSet.Count == 0)
            {
                return null;
            }

            if (!_devLosses.TryGetValue(_step, out double devLoss))
            {
                devLoss = new MlpInference(_parameters).TotalNegativeLogLikelihood(ValidationSet.Contexts, ValidationSet.Targets) / ValidationSet.Count;
                _devLosses[_step] = devLoss;
            }

            return devLoss;
        }

        /// <summary>Activation statistics of the last step's forward pass, per layer (makemore part 3's histograms, as numbers).</summary>
        public IReadOnlyList<MlpActivationStatistics> MeasureActivations()
        {
            var records = new List<MlpActivationStatistics>
            {
                Activation("Embedding", _network.Embcat, false),
                Activation("Linear1", _network.HiddenPreActivation, false),
            };
            if (_parameters.BatchNorm)
            {
                records.Add(Activation("BatchNorm", _network.HiddenActivationInput, false));
            }

            records.Add(Activation("Tanh", _network.Hidden, true));
            records.Add(Activation("Linear2", _network.Logits, false));
            return records;
        }

        /// <summary>Gradient statistics of the last step, per trained tensor, with the update-to-data ratio of its learning rate.</summary>
        public IReadOnlyList<MlpGradientStatistics> MeasureGradients()
        {
            float learningRate = Options.LearningRateAt(Math.Max(_step, 1));
            var records = new List<MlpGradientStatistics>(_trained.Length);
            foreach ((string name, float[] values, float[] gradient, int rows, int columns) in _trained)
            {
                (double gradientMean, double gradientStd) = MeanAndStd(gradient);
                (_, double dataStd) = MeanAndStd(values);
                double? ratio = dataStd > 0.0 ? gradientStd / dataStd : (double?)null;
                double? update = ratio is double r && r > 0.0 ? Math.Log10(learningRate * r) : (double?)null;
                records.Add(new MlpGradientStatistics(_step, name, MlpGradientStatistics.FormatShape(rows, columns),
                    gradientMean, gradientStd, dataStd, ratio, update));
            }

            return records;
        }

        private MlpActivationStatistics Activation(string layer, ReadOnlySpan<float> values, bool tanh)
        {
            (double mean, double std) = MeanAndStd(values);
            double? saturated = null;
            if (tanh)
            {
                int count = 0;
                foreach (float h in values)
                {
                    count += Math.Abs(h) > MlpActivationStatistics.SaturationThreshold ? 1 : 0;
                }

                saturated = values.Length == 0 ? 0.0 : (double)count / values.Length;
            }

            return new MlpActivationStatistics(_step, layer, mean, std, saturated);
        }

        // Mean and unbiased std in double, as torch's .mean() and .std() report them.
        private static (double Mean, double Std) MeanAndStd(ReadOnlySpan<float> values)
        {
            if (values.Length == 0)
            {
                return (0.0, 0.0);
            }

            double sum = 0.0;
            foreach (float x in values)
            {
                sum += x;
            }

            double mean = sum / values.Length;
            double squares = 0.0;
            foreach (float x in values)
            {
                squares += (x - mean) * (x - mean);
            }

            return (mean, values.Length > 1 ? Math.Sqrt(squares / (values.Length - 1)) : 0.0);
        }

        private static bool IsValid(string name, Action<Exception>? onRejectedName)
        {
            if (name is null)
            {
                return false;
            }

            try
            {
                NameNormalizer.Validate(name);
                return true;
            }
            catch (InvalidNameException error) when (onRejectedName != null)
            {
                onRejectedName(error);
                return false;
            }
        }

        private static bool IsEncodable(string name, Vocabulary vocabulary)
        {
            try
            {
                NameNormalizer.Validate(name);
            }
            catch (InvalidNameException)
            {
                return false;
            }

            return vocabulary.TryEncode(name, new List<int>(name.Length), out _);
        }

        // Names rejected while building the vocabulary were reported there already.
        private static void IgnoreRejection(Exception error)
        {
        }

        private double? DevLossAt(int step) => _devLosses.TryGetValue(step, out double devLoss) ? devLoss : (double?)null;

        // A step's record as the history keeps it (its dev loss is in _devLosses): a struct, so that a step records itself without allocating.
        private readonly struct StepLoss
        {
            internal StepLoss(int step, double loss, float learningRate)
            {
                Step = step;
                Loss = loss;
                LearningRate = learningRate;
            }

            internal int Step { get; }

            internal double Loss { get; }

            internal float LearningRate { get; }
        }
    }
}
