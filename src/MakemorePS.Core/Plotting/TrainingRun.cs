using System;
using System.Collections.Generic;
using System.Linq;

namespace MakemorePS.Core
{
    /// <summary>One training run to chart: its points in step order and the name its series carry in the legend.</summary>
    public sealed class TrainingRun
    {
        private readonly TrainingPoint[] _points;

        /// <summary>Creates a run.</summary>
        /// <param name="label">The run's name in the legend; null or empty for none (a single unnamed run).</param>
        /// <param name="points">The points, in step order.</param>
        public TrainingRun(string? label, IEnumerable<TrainingPoint> points)
        {
            if (points is null)
            {
                throw new ArgumentNullException(nameof(points));
            }

            Label = label ?? string.Empty;
            _points = points.ToArray();
        }

        /// <summary>A run of bigram training records, such as a model's loss history.</summary>
        public TrainingRun(string? label, IEnumerable<TrainingRecord> records)
            : this(label, (records ?? throw new ArgumentNullException(nameof(records))).Select(record =>
                record is null ? throw new ArgumentException("A training record is null.", nameof(records)) : TrainingPoint.From(record)))
        {
        }

        /// <summary>The run's name; empty when it has none.</summary>
        public string Label { get; }

        /// <summary>The points, in step order.</summary>
        public IReadOnlyList<TrainingPoint> Points => _points;
    }
}
