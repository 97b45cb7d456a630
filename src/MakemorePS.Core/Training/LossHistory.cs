using System;

namespace MakemorePS.Core
{
    /// <summary>
    /// The training records a model keeps, bounded so that long runs and their checkpoints stay small: every record
    /// of the last <see cref="RecentCapacity"/> steps and, before those, step 1 and the steps that are multiples of a
    /// power-of-two stride, the smallest that keeps at most <see cref="ThinnedCapacity"/> of them.
    /// </summary>
    /// <remarks>
    /// The records kept depend only on the step numbers seen, never on how a run was split into pieces, so a run
    /// resumed from a checkpoint keeps the same records as the uninterrupted run.
    /// </remarks>
    public sealed class LossHistory
    {
        /// <summary>How many of the most recent steps keep every record.</summary>
        public const int RecentCapacity = 1000;

        /// <summary>The most records kept from before the recent steps (step 1 included).</summary>
        public const int ThinnedCapacity = 1000;

        private readonly ThinnedHistory<TrainingRecord> _records = new ThinnedHistory<TrainingRecord>(record => record.Step);

        /// <summary>The step number of the last record, or 0 before any.</summary>
        public int LastStep => _records.LastStep;

        /// <summary>The stride of the thinned part: the thinned records are step 1 and the multiples of it.</summary>
        public int Stride => _records.Stride;

        /// <summary>The number of records kept.</summary>
        public int Count => _records.Count;

        /// <summary>Adds the record of the step after <see cref="LastStep"/> (or of a later step, for a history read back thinned).</summary>
        /// <exception cref="ArgumentException">The record's step is not after the last one.</exception>
        public void Add(TrainingRecord record)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            _records.Add(record);
        }

        /// <summary>The records kept, in step order.</summary>
        public TrainingRecord[] ToArray() => _records.ToArray();
    }
}
