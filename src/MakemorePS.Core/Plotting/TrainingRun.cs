using System;
using System.Collections.Generic;
using System.Linq;

namespace MakemorePS.Core
{
    /// <summary>One training run to chart: its per-step records and the name its series carry in the legend.</summary>
    public sealed class TrainingRun
    {
        private readonly TrainingRecord[] _records;

        /// <summary>Creates a run.</summary>
        /// <param name="label">The run's name in the legend; null or empty for none (a single unnamed run).</param>
        /// <param name="records">The records, in step order.</param>
        public TrainingRun(string? label, IEnumerable<TrainingRecord> records)
        {
            if (records is null)
            {
                throw new ArgumentNullException(nameof(records));
            }

            Label = label ?? string.Empty;
            _records = records.ToArray();
            if (_records.Any(r => r is null))
            {
                throw new ArgumentException("A training record is null.", nameof(records));
            }
        }

        /// <summary>The run's name; empty when it has none.</summary>
        public string Label { get; }

        /// <summary>The records, in step order.</summary>
        public IReadOnlyList<TrainingRecord> Records => _records;
    }
}
