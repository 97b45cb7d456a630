using System;
using System.Collections.Generic;
using System.Linq;
using MakemorePS.Core.Models;
using MakemorePS.Core.Numerics;

namespace MakemorePS.Core
{
    /// <summary>Which path produced a model's probabilities.</summary>
    public enum BigramModelKind
    {
        /// <summary>Smoothed counts: P = (N + k) / rowsum(N + k).</summary>
        Counts,

        /// <summary>A one-layer neural net trained by gradient descent: P = softmax(W).</summary>
        Neural,
    }

    /// <summary>
    /// An immutable bigram language model over a <see cref="Core.Vocabulary"/>: the counts it was built from,
    /// its probabilities, and for a neural model its weights and training history. Safe to share across threads.
    /// </summary>
    /// <remarks>
    /// As an <see cref="ILanguageModel"/> its context is one symbol. It supplies its own sampler (alias tables,
    /// <see cref="BigramSampler"/>) and scorer (a table of ln P, <see cref="NameScorer"/>), the fast paths.
    /// </remarks>
    public sealed class BigramModel : ISpecializedLanguageModel
    {
        private readonly float[]? _weights;
        private readonly double[] _probabilities;
        private readonly TrainingNameList _trainingNames;
        private readonly TrainingRecord[] _lossHistory;
        private readonly TrainingRunSummary[] _trainingRuns;

        private BigramModel(BigramModelKind kind, BigramCounts counts, double? smoothing, float[]? weights,
            IEnumerable<string>? trainingNames, TrainingOptions? trainingSettings, IEnumerable<TrainingRecord>? lossHistory,
            IEnumerable<TrainingRunSummary>? trainingRuns = null, ShuffleState? shuffleState = null)
        {
            Kind = kind;
            Counts = counts;
            Smoothing = smoothing;
            _weights = weights;
            _trainingNames = new TrainingNameList(trainingNames);
            TrainingSettings = trainingSettings?.Clone();
            _lossHistory = lossHistory?.ToArray() ?? Array.Empty<TrainingRecord>();
            _trainingRuns = trainingRuns?.ToArray()
                ?? (trainingSettings == null ? Array.Empty<TrainingRunSummary>() : new[] { new TrainingRunSummary(trainingSettings, 1, Steps) });
            ShuffleState = shuffleState;
            _probabilities = kind == BigramModelKind.Counts ? ProbabilitiesFromCounts(counts, smoothing!.Value) : ProbabilitiesFromWeights(weights!, counts.Size);
        }

        /// <summary>A count model: P = (N + k) / rowsum(N + k).</summary>
        /// <param name="counts">The bigram counts.</param>
        /// <param name="smoothing">k ≥ 0 (default 1). With k = 0 a row with no data is uniform over all V symbols.</param>
        /// <param name="trainingNames">The training names, kept (distinct, first-seen order) so samplers can exclude them.</param>
        public static BigramModel FromCounts(BigramCounts counts, double smoothing = 1.0, IEnumerable<string>? trainingNames = null)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (!(smoothing >= 0.0) || double.IsInfinity(smoothing))
            {
                throw new ArgumentOutOfRangeException(nameof(smoothing), smoothing, "Smoothing must be a finite number of 0 or more.");
            }

            return new BigramModel(BigramModelKind.Counts, counts, smoothing, null, trainingNames, null, null);
        }

        /// <summary>A neural model: P = softmax(W) row by row.</summary>
        /// <param name="counts">The counts of the training data (kept for comparison, scoring and saving).</param>
        /// <param name="weights">W, V×V row-major. The array is copied.</param>
        /// <param name="trainingNames">The training names (distinct, first-seen order).</param>
        /// <param name="trainingSettings">The settings training used.</param>
        /// <param name="lossHistory">The records of the steps (see <see cref="LossHistory"/>).</param>
        /// <param name="trainingRuns">Every run of training, in order; by default one run of <paramref name="trainingSettings"/> over all steps.</param>
        /// <param name="shuffleState">Where mini-batch shuffling stands, so training can resume exactly; null for full-batch training.</param>
        public static BigramModel FromWeights(BigramCounts counts, float[] weights, IEnumerable<string>? trainingNames = null,
            TrainingOptions? trainingSettings = null, IEnumerable<TrainingRecord>? lossHistory = null,
            IEnumerable<TrainingRunSummary>? trainingRuns = null, ShuffleState? shuffleState = null)
        {
            if (counts is null)
            {
                throw new ArgumentNullException(nameof(counts));
            }

            if (weights is null)
            {
                throw new ArgumentNullException(nameof(weights));
            }

            int v = counts.Size;
            if (weights.Length != v * v)
            {
                throw new ArgumentException($"A vocabulary of {v} symbols needs {v * v} weights, not {weights.Length}.", nameof(weights));
            }

            foreach (float w in weights)
            {
                if (float.IsNaN(w) || float.IsInfinity(w))
                {
                    throw new ArgumentException("Every weight must be a finite number.", nameof(weights));
                }
            }

            return new BigramModel(BigramModelKind.Neural, counts, null, (float[])weights.Clone(), trainingNames, trainingSettings, lossHistory, trainingRuns, shuffleState);
        }

        /// <summary>Counts or Neural.</summary>
        public BigramModelKind Kind { get; }

        /// <summary>"Counts" or "Neural".</summary>
        public string KindName => Kind.ToString();

        /// <summary>1: a bigram model conditions on the current symbol only.</summary>
        public int ContextLength => 1;

        /// <summary>The symbols, boundary '.' at index 0.</summary>
        public Vocabulary Vocabulary => Counts.Vocabulary;

        /// <summary>V.</summary>
        public int VocabularySize => Counts.Size;

        /// <summary>The counts of the training data.</summary>
        public BigramCounts Counts { get; }

        /// <summary>k of a count model; null for a neural model.</summary>
        public double? Smoothing { get; }

        /// <summary>The number of training names, duplicates included.</summary>
        public long NameCount => Counts.NameCount;

        /// <summary>The number of training bigrams.</summary>
        public long BigramCount => Counts.TotalBigrams;

        /// <summary>The distinct training names, in first-seen order.</summary>
        public IReadOnlyList<string> TrainingNames => _trainingNames.Names;

        /// <summary>The settings of the last run of training; null for a count model. <see cref="TrainingRuns"/> holds every run.</summary>
        public TrainingOptions? TrainingSettings { get; }

        /// <summary>
        /// The training records, in step order: every step of the last 1,000 and a thinned history before them (see
        /// <see cref="Core.LossHistory"/>); empty for a count model.
        /// </summary>
        public IReadOnlyList<TrainingRecord> LossHistory => _lossHistory;

        /// <summary>Every run of training, in order, with its settings and steps; empty for a count model.</summary>
        public IReadOnlyList<TrainingRunSummary> TrainingRuns => _trainingRuns;

        /// <summary>Where mini-batch shuffling stands, so that training continued from this model resumes exactly; null after full-batch training.</summary>
        public ShuffleState? ShuffleState { get; }

        /// <summary>The number of training steps taken (the step of the last record: a long history is thinned).</summary>
        public int Steps => _lossHistory.Length == 0 ? 0 : _lossHistory[_lossHistory.Length - 1].Step;

        /// <summary>The loss of the last step's forward pass, or null before any training.</summary>
        public double? FinalLoss => _lossHistory.Length == 0 ? (double?)null : _lossHistory[_lossHistory.Length - 1].Loss;

        /// <summary>Whether <paramref name="name"/> is one of the training names (ordinal comparison).</summary>
        public bool IsTrainingName(string name) => _trainingNames.Contains(name);

        /// <summary>Writes ln P(next | current) for <paramref name="count"/> current symbols (each context is one symbol index).</summary>
        /// <exception cref="ArgumentException">The spans are too short for <paramref name="count"/> contexts.</exception>
        /// <exception cref="ArgumentOutOfRangeException">A context holds an index outside the vocabulary.</exception>
        public void NextSymbolLogProbabilities(ReadOnlySpan<int> contexts, int count, Span<double> destination)
        {
            int v = VocabularySize;
            if (count < 0 || contexts.Length < count || destination.Length < count * v)
            {
                throw new ArgumentException($"{count} contexts need {count} symbol indices and room for {count * v} log-probabilities; got {contexts.Length} and {destination.Length}.");
            }

            for (int i = 0; i < count; i++)
            {
                int current = contexts[i];
                if ((uint)current >= (uint)v)
                {
                    throw new ArgumentOutOfRangeException(nameof(contexts), current, $"A context symbol must be an index below {v}.");
                }

                ReadOnlySpan<double> row = GetProbabilityRow(current);
                Span<double> target = destination.Slice(i * v, v);
                for (int j = 0; j < v; j++)
                {
                    // Math.Log(0) is −∞: the honest log-probability of an impossible bigram.
                    target[j] = Math.Log(row[j]);
                }
            }
        }

        /// <summary>The alias-table sampler (<see cref="BigramSampler"/>) at <paramref name="temperature"/>.</summary>
        public INameSampler CreateSampler(double temperature) => new BigramSampler(this, temperature);

        /// <summary>The table scorer (<see cref="NameScorer"/>).</summary>
        public INameScorer CreateScorer(bool lowerCase) => new NameScorer(this, lowerCase);

        /// <summary>P(next | current).</summary>
        public double GetProbability(int current, int next) => _probabilities[(current * VocabularySize) + next];

        /// <summary>The distribution over the symbol that follows <paramref name="current"/>.</summary>
        public ReadOnlySpan<double> GetProbabilityRow(int current) => _probabilities.AsSpan(current * VocabularySize, VocabularySize);

        /// <summary>The V×V probability table, row-major, read-only.</summary>
        public ReadOnlySpan<double> Probabilities => _probabilities;

        /// <summary>A copy of W (V×V row-major); null for a count model.</summary>
        public float[]? GetWeights() => (float[]?)_weights?.Clone();

        /// <summary>W without a copy; empty for a count model.</summary>
        public ReadOnlySpan<float> Weights => _weights;

        /// <summary>A copy of the V×V probability table, row-major.</summary>
        public double[] GetProbabilities() => (double[])_probabilities.Clone();

        /// <summary>All V² probabilities as records, row by row in vocabulary order (current symbol, then next symbol).</summary>
        public IEnumerable<BigramProbabilityRecord> EnumerateProbabilities()
        {
            int v = VocabularySize;
            Vocabulary vocabulary = Vocabulary;
            for (int i = 0; i < v; i++)
            {
                string first = vocabulary.GetSymbol(i);
                for (int j = 0; j < v; j++)
                {
                    yield return new BigramProbabilityRecord(first, vocabulary.GetSymbol(j), _probabilities[(i * v) + j]);
                }
            }
        }

        private static double[] ProbabilitiesFromCounts(BigramCounts counts, double k)
        {
            int v = counts.Size;
            var p = new double[v * v];
            for (int i = 0; i < v; i++)
            {
                ReadOnlySpan<long> row = counts.GetRow(i);
                double total = counts.GetRowTotal(i) + (k * v);
                Span<double> destination = p.AsSpan(i * v, v);
                if (total <= 0.0)
                {
                    // k = 0 and no data: uniform, never 0/0.
                    destination.Fill(1.0 / v);
                    continue;
                }

                if (double.IsInfinity(total))
                {
                    // A huge k (1e307, say) overflows k·V: divide through by k, (N/k + 1) / (T/k + V), which tends to uniform.
                    double scaledTotal = (counts.GetRowTotal(i) / k) + v;
                    for (int j = 0; j < v; j++)
                    {
                        destination[j] = ((row[j] / k) + 1.0) / scaledTotal;
                    }

                    continue;
                }

                for (int j = 0; j < v; j++)
                {
                    destination[j] = (row[j] + k) / total;
                }
            }

            return p;
        }

        /// <summary>A one-line summary, as <c>"$model"</c> shows it in PowerShell.</summary>
        public override string ToString()
        {
            string detail = Kind == BigramModelKind.Neural
                ? FormattableString.Invariant($"{Steps} steps, final loss {FinalLoss:F4}")
                : FormattableString.Invariant($"smoothing {Smoothing}");
            return FormattableString.Invariant($"{Kind} (V={VocabularySize}, {NameCount} names, {BigramCount} bigrams, {detail})");
        }

        private static double[] ProbabilitiesFromWeights(float[] weights, int v)
        {
            var p = new double[v * v];
            var logits = new double[v];
            for (int i = 0; i < v; i++)
            {
                for (int j = 0; j < v; j++)
                {
                    logits[j] = weights[(i * v) + j];
                }

                Kernels.SoftmaxStable(logits, p.AsSpan(i * v, v));
            }

            return p;
        }
    }
}
