using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using MakemorePS.Core.Models;

namespace MakemorePS.Core
{
    /// <summary>
    /// The MLP language model of makemore parts 2 and 3 (Bengio et al. 2003): P(next | the previous <see cref="BlockSize"/>
    /// symbols) = softmax(tanh(BatchNorm(C[x]·W1)) · W2 + b2). Immutable and thread-safe; evaluation uses BatchNorm's running
    /// statistics. It also carries what resuming training needs (the step count and the generator's state) and what
    /// training recorded: its loss history and diagnostics.
    /// </summary>
    public sealed class MlpModel : ILanguageModel
    {
        // Below this many cached numbers (V^B·V doubles, 16 MiB), every context's distribution is cached on first use.
        private const long CacheLimit = 1L << 21;

        private readonly MlpParameters _parameters;
        private readonly string[] _everyTrainingName;
        private readonly TrainingNameList _trainingNames;
        private readonly MlpInference _inference;
        private readonly MlpTrainingRecord[] _lossHistory;
        private readonly MlpActivationStatistics[] _activationStatistics;
        private readonly MlpGradientStatistics[] _gradientStatistics;
        private readonly long _contextCount;
        private double[]? _cache;
        private int[]? _cached;

        internal MlpModel(Vocabulary vocabulary, MlpParameters parameters, MlpTrainingOptions settings, IEnumerable<string> trainingNames,
            int steps, double? finalLoss, double? devLoss, MlpGeneratorState generator,
            IEnumerable<MlpTrainingRecord>? lossHistory = null, IEnumerable<MlpActivationStatistics>? activationStatistics = null,
            IEnumerable<MlpGradientStatistics>? gradientStatistics = null)
        {
            Vocabulary = vocabulary;
            _parameters = parameters.Clone();
            TrainingSettings = settings.Clone();
            _everyTrainingName = trainingNames.ToArray();
            _trainingNames = new TrainingNameList(_everyTrainingName);
            Steps = steps;
            FinalLoss = finalLoss;
            DevLoss = devLoss;
            Generator = generator;
            _lossHistory = lossHistory?.ToArray() ?? Array.Empty<MlpTrainingRecord>();
            _activationStatistics = activationStatistics?.ToArray() ?? Array.Empty<MlpActivationStatistics>();
            _gradientStatistics = gradientStatistics?.ToArray() ?? Array.Empty<MlpGradientStatistics>();
            _inference = new MlpInference(_parameters);
            double contexts = Math.Pow(vocabulary.Count, BlockSize);
            _contextCount = contexts * vocabulary.Count <= CacheLimit ? (long)contexts : -1;
        }

        /// <summary>"Mlp".</summary>
        public string KindName => "Mlp";

        /// <summary>"Mlp", under the name a bigram model's kind has, so <c>Where-Object Kind -eq Mlp</c> finds MLPs among loaded models.</summary>
        public string Kind => KindName;

        /// <summary>The symbols, boundary '.' at index 0.</summary>
        public Vocabulary Vocabulary { get; }

        /// <summary>V.</summary>
        public int VocabularySize => Vocabulary.Count;

        /// <summary>The same as <see cref="BlockSize"/>.</summary>
        public int ContextLength => BlockSize;

        /// <summary>B, how many previous symbols the model sees.</summary>
        public int BlockSize => _parameters.BlockSize;

        /// <summary>d, the size of a symbol's embedding.</summary>
        public int EmbeddingSize => _parameters.EmbeddingSize;

        /// <summary>H, the number of tanh units.</summary>
        public int HiddenSize => _parameters.HiddenSize;

        /// <summary>Whether the hidden layer has BatchNorm (then the first linear layer has no bias).</summary>
        public bool BatchNorm => _parameters.BatchNorm;

        /// <summary>The number of trained numbers (BatchNorm's running statistics not included).</summary>
        public int ParameterCount => _parameters.TrainedCount;

        /// <summary>The settings training used (a copy).</summary>
        public MlpTrainingOptions TrainingSettings { get; }

        /// <summary>The number of training steps taken.</summary>
        public int Steps { get; }

        /// <summary>The mini-batch loss of the last step, or null before any training.</summary>
        public double? FinalLoss { get; }

        /// <summary>
        /// The loss on validation names of the model as it is, measured at its last step (<see cref="Steps"/>); null when
        /// that step was not measured (for example a model continued without validation names). Earlier measurements stay
        /// in <see cref="LossHistory"/>.
        /// </summary>
        public double? DevLoss { get; }

        /// <summary>
        /// The training records, in step order: every step of the last 1,000, a thinned history before them (the rule of
        /// <see cref="Core.LossHistory"/>) and every step whose dev loss was measured; a continued model's history goes on
        /// from the one it was continued from. Empty before any training, and in files saved before models kept it.
        /// </summary>
        /// <remarks>The records carry no diagnostics: those are <see cref="ActivationStatistics"/> and <see cref="GradientStatistics"/>.</remarks>
        public IReadOnlyList<MlpTrainingRecord> LossHistory => _lossHistory;

        /// <summary>makemore part 3's activation statistics of every step that measured them (diagnostics), in step order; empty when none were measured.</summary>
        public IReadOnlyList<MlpActivationStatistics> ActivationStatistics => _activationStatistics;

        /// <summary>makemore part 3's gradient statistics of every step that measured them (diagnostics), in step order; empty when none were measured.</summary>
        public IReadOnlyList<MlpGradientStatistics> GradientStatistics => _gradientStatistics;

        /// <summary>The number of training names, duplicates included (as a bigram model counts them).</summary>
        public int NameCount => _everyTrainingName.Length;

        /// <summary>The distinct training names, in first-seen order.</summary>
        public IReadOnlyList<string> TrainingNames => _trainingNames.Names;

        /// <summary>
        /// Every training name in training order, duplicates included: what training continued from this model trains on
        /// when it is given no names. (Models saved before this was kept hold each name once.)
        /// </summary>
        internal IReadOnlyList<string> EveryTrainingName => _everyTrainingName;

        /// <summary>The names of the trained tensors in order: C, W1, b1 or bngain and bnbias, W2, b2.</summary>
        public IReadOnlyList<string> ParameterNames => _parameters.Trained().Select(t => t.Name).ToArray();

        /// <summary>The generator's position after the last step, from which resumed training draws its next batch.</summary>
        internal MlpGeneratorState Generator { get; }

        /// <summary>The tensors (internal: the serializer and trainer read them; callers get copies).</summary>
        internal MlpParameters Parameters => _parameters;

        /// <summary>Whether <paramref name="name"/> is one of the training names (ordinal comparison).</summary>
        public bool IsTrainingName(string name) => _trainingNames.Contains(name);

        /// <summary>A copy of a trained tensor, row-major, with its shape.</summary>
        /// <param name="name">C, W1, b1, bngain, bnbias, W2 or b2 (see <see cref="ParameterNames"/>).</param>
        /// <param name="rows">The rows (1 for a vector).</param>
        /// <param name="columns">The columns.</param>
        /// <exception cref="ArgumentException">The model has no tensor of that name.</exception>
        public float[] GetParameter(string name, out int rows, out int columns)
        {
            foreach ((string n, float[] values, int r, int c) in _parameters.Trained())
            {
                if (n == name)
                {
                    rows = r;
                    columns = c;
                    return (float[])values.Clone();
                }
            }

            throw new ArgumentException($"The model has no parameter '{name}'; it has {string.Join(", ", ParameterNames)}.", nameof(name));
        }

        /// <summary>BatchNorm's running mean (H), empty without BatchNorm.</summary>
        public float[] GetRunningMean() => (float[])_parameters.RunningMean.Clone();

        /// <summary>BatchNorm's running std (H), empty without BatchNorm.</summary>
        public float[] GetRunningStd() => (float[])_parameters.RunningStd.Clone();

        /// <inheritdoc/>
        /// <exception cref="ArgumentException">The spans are too short for <paramref name="count"/> contexts.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A context holds an index outside the vocabulary.</exception>
        public void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination)
        {
            int b = BlockSize, v = VocabularySize;
            if (count < 0 || contexts.Length < (long)count * b || destination.Length < (long)count * v)
            {
                throw new ArgumentException($"{count} contexts need {(long)count * b} context indices and room for {(long)count * v} log-probabilities; got {contexts.Length} and {destination.Length}.", nameof(count));
            }

            for (int i = 0; i < count * b; i++)
            {
                if ((uint)contexts[i] >= (uint)v)
                {
                    throw new ArgumentOutOfRangeException(nameof(contexts), contexts[i], $"Context index {contexts[i]} is outside the vocabulary of {v} symbols.");
                }
            }

            if (_contextCount < 0)
            {
                _inference.LogProbabilities(contexts, count, destination);
                return;
            }

            double[] cache = _cache ?? Interlocked.CompareExchange(ref _cache, new double[_contextCount * v], null) ?? _cache!;
            int[] cached = _cached ?? Interlocked.CompareExchange(ref _cached, new int[_contextCount], null) ?? _cached!;
            for (int i = 0; i < count; i++)
            {
                ReadOnlySpan<int> context = contexts.Slice(i * b, b);
                int code = 0;
                for (int p = 0; p < b; p++)
                {
                    code = (code * v) + context[p];
                }

                Span<double> row = cache.AsSpan(code * v, v);
                if (Volatile.Read(ref cached[code]) == 0)
                {
                    // Racing threads compute the same numbers, so a duplicate fill is harmless.
                    _inference.LogProbabilities(context, 1, row);
                    Volatile.Write(ref cached[code], 1);
                }

                row.CopyTo(destination.Slice(i * v, v));
            }
        }

        /// <summary>The mean negative log-likelihood per position of a dataset under this model (the lecture's split loss).</summary>
        /// <exception cref="ArgumentException">The dataset's vocabulary or block size differs from the model's.</exception>
        public double MeanNegativeLogLikelihood(ContextWindowDataset dataset)
        {
            if (dataset is null)
            {
                throw new ArgumentNullException(nameof(dataset));
            }

            if (!dataset.Vocabulary.Equals(Vocabulary) || dataset.BlockSize != BlockSize)
            {
                throw new ArgumentException("The dataset was built for another vocabulary or block size than the model's.", nameof(dataset));
            }

            return dataset.Count == 0 ? 0.0 : _inference.TotalNegativeLogLikelihood(dataset.Contexts, dataset.Targets) / dataset.Count;
        }

        /// <summary>The kind, sizes and training state, for display.</summary>
        public override string ToString() =>
            FormattableString.Invariant($"Mlp (V={VocabularySize}, B={BlockSize}, d={EmbeddingSize}, H={HiddenSize}, BatchNorm={BatchNorm}, {ParameterCount} parameters, {Steps} steps)");
    }
}
