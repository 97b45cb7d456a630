using System;
using System.Collections.Generic;

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

        private readonly Queue<TrainingRecord> _recent = new Queue<TrainingRecord>();
        private readonly List<TrainingRecord> _thinned = new List<TrainingRecord>();
        private int _stride = 1;

        /// <summary>The step number of the last record, or 0 before any.</summary>
        public int LastStep { get; private set; }

        /// <summary>The stride of the thinned part: the thinned records are step 1 and the multiples of it.</summary>
        public int Stride => _stride;

        /// <summary>The number of records kept.</summary>
        public int Count => _thinned.Count + _recent.Count;

        /// <summary>Adds the record of the step after <see cref="LastStep"/> (or of a later step, for a history read back thinned).</summary>
        /// <exception cref="ArgumentException">The record's step is not after the last one.</exception>
        public void Add(TrainingRecord record)
        {
            if (record is null)
            {
                throw new ArgumentNullException(nameof(record));
            }

            if (record.Step <= LastStep)
            {
                throw new ArgumentException($"Step {record.Step} does not come after step {LastStep}.", nameof(record));
            }

            LastStep = record.Step;
            _recent.Enqueue(record);
            int thinnedEnd = LastStep - RecentCapacity;
            while (_recent.Count > 0 && _recent.Peek().Step <= thinnedEnd)
            {
                TrainingRecord older = _recent.Dequeue();
                if (Keeps(older.Step))
                {
                    _thinned.Add(older);
                }
            }

            int stride = StrideFor(thinnedEnd);
            if (stride != _stride)
            {
                _stride = stride;
                _thinned.RemoveAll(r => !Keeps(r.Step));
            }
        }

        /// <summary>The records kept, in step order.</summary>
        public TrainingRecord[] ToArray()
        {
            var all = new TrainingRecord[Count];
            _thinned.CopyTo(all);
            _recent.CopyTo(all, _thinned.Count);
            return all;
        }

        /// <summary>The smallest power-of-two stride that keeps at most <see cref="ThinnedCapacity"/> of steps 1..<paramref name="thinnedEnd"/>.</summary>
        internal static int StrideFor(int thinnedEnd)
        {
            int stride = 1;
            // Step 1 and the multiples of the stride up to thinnedEnd.
            while (thinnedEnd > 0 && (thinnedEnd / stride) + (stride == 1 ? 0 : 1) > ThinnedCapacity)
            {
                stride *= 2;
            }

            return stride;
        }

        private bool Keeps(int step) => step == 1 || step % _stride == 0;
    }
}
