using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// The bounded record keeping that <see cref="LossHistory"/> describes, for records of any type: every record of the
    /// last <see cref="LossHistory.RecentCapacity"/> steps and, before those, step 1, the multiples of a power-of-two
    /// stride (at most <see cref="LossHistory.ThinnedCapacity"/> of them) and the records that are always kept.
    /// </summary>
    /// <remarks>
    /// Its room is reserved up front and a restride reuses one predicate, so adding a record allocates nothing (only
    /// always-kept records beyond the reserved room grow it), and a training step can record itself.
    /// </remarks>
    internal sealed class ThinnedHistory<TRecord>
    {
        private readonly Queue<TRecord> _recent = new Queue<TRecord>(LossHistory.RecentCapacity + 1);
        private readonly List<TRecord> _thinned = new List<TRecord>(LossHistory.ThinnedCapacity + 1);
        private readonly Func<TRecord, int> _stepOf;
        private readonly Func<TRecord, bool> _alwaysKept;
        private readonly Predicate<TRecord> _dropped;
        private int _stride = 1;

        /// <summary>Creates an empty history.</summary>
        /// <param name="stepOf">The step number of a record.</param>
        /// <param name="alwaysKept">The records kept whatever their step (an MLP's dev-loss measurements); by default none.</param>
        internal ThinnedHistory(Func<TRecord, int> stepOf, Func<TRecord, bool>? alwaysKept = null)
        {
            _stepOf = stepOf;
            _alwaysKept = alwaysKept ?? (_ => false);
            _dropped = record => !Keeps(record);
        }

        /// <summary>The step number of the last record, or 0 before any.</summary>
        internal int LastStep { get; private set; }

        /// <summary>The stride of the thinned part.</summary>
        internal int Stride => _stride;

        /// <summary>The number of records kept.</summary>
        internal int Count => _thinned.Count + _recent.Count;

        /// <summary>Adds the record of a step after <see cref="LastStep"/>.</summary>
        /// <exception cref="ArgumentException">The record's step is not after the last one.</exception>
        internal void Add(TRecord record)
        {
            int step = _stepOf(record);
            if (step <= LastStep)
            {
                throw new ArgumentException($"Step {step} does not come after step {LastStep}.", nameof(record));
            }

            LastStep = step;
            _recent.Enqueue(record);
            int thinnedEnd = LastStep - LossHistory.RecentCapacity;
            while (_recent.Count > 0 && _stepOf(_recent.Peek()) <= thinnedEnd)
            {
                TRecord older = _recent.Dequeue();
                if (Keeps(older))
                {
                    _thinned.Add(older);
                }
            }

            int stride = StrideFor(thinnedEnd);
            if (stride != _stride)
            {
                _stride = stride;
                _thinned.RemoveAll(_dropped);
            }
        }

        /// <summary>The records kept, in step order.</summary>
        internal TRecord[] ToArray()
        {
            var all = new TRecord[Count];
            _thinned.CopyTo(all);
            _recent.CopyTo(all, _thinned.Count);
            return all;
        }

        /// <summary>The smallest power-of-two stride that keeps at most <see cref="LossHistory.ThinnedCapacity"/> of steps 1..<paramref name="thinnedEnd"/>.</summary>
        private static int StrideFor(int thinnedEnd)
        {
            int stride = 1;
            // Step 1 and the multiples of the stride up to thinnedEnd.
            while (thinnedEnd > 0 && (thinnedEnd / stride) + (stride == 1 ? 0 : 1) > LossHistory.ThinnedCapacity)
            {
                stride *= 2;
            }

            return stride;
        }

        private bool Keeps(TRecord record)
        {
            int step = _stepOf(record);
            return step == 1 || step % _stride == 0 || _alwaysKept(record);
        }
    }
}
