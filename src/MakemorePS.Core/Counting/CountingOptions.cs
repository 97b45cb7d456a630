using System;

namespace MakemorePS.Core
{
    /// <summary>How <see cref="BigramCounter"/> reads names. A counter copies these when it is created.</summary>
    public sealed class CountingOptions
    {
        /// <summary>The default size of the blocks a file is read and counted in: 1 MiB.</summary>
        public const int DefaultSegmentBytes = 1 << 20;

        private int _maxDegreeOfParallelism;
        private int _maxRejectionsKept = 100;
        private int _segmentBytes = DefaultSegmentBytes;

        /// <summary>Lower-case every name with the invariant culture before counting (default false: case is kept).</summary>
        public bool LowerCase { get; set; }

        /// <summary>
        /// Keep the distinct names (first-seen order) so a model can be built that knows its training names.
        /// Off by default: raw counting of a huge file then uses memory that does not grow with the file.
        /// </summary>
        public bool CollectNames { get; set; }

        /// <summary>
        /// With <see cref="CollectNames"/>: keep every name in input order, duplicates included, rather than the
        /// distinct ones (the training examples of a model that learns from each name, such as the MLP).
        /// </summary>
        public bool KeepDuplicateNames { get; set; }

        /// <summary>
        /// How many threads may count one large input at once; 0 (default) means one per processor, 1 means serial.
        /// The counts, names and rejections are identical whatever the value.
        /// </summary>
        public int MaxDegreeOfParallelism
        {
            get => _maxDegreeOfParallelism;
            set => _maxDegreeOfParallelism = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The degree of parallelism must be 0 (one per processor) or more.");
        }

        /// <summary>
        /// Called for every rejected line or name, in input order, on the thread that called the counter.
        /// </summary>
        public Action<NameRejection>? Rejected { get; set; }

        /// <summary>
        /// How many rejections the counter keeps in <see cref="BigramCounter.Rejections"/> (default 100), so memory stays
        /// bounded on a file full of bad lines; <see cref="Rejected"/> still sees them all and
        /// <see cref="BigramCounter.RejectedCount"/> counts them all.
        /// </summary>
        public int MaxRejectionsKept
        {
            get => _maxRejectionsKept;
            set => _maxRejectionsKept = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "The number of rejections to keep must be 0 or more.");
        }

        /// <summary>
        /// The size of the blocks files are read and counted in (default 1 MiB); also the longest line a file
        /// may hold. Smaller values let tests cross block boundaries often.
        /// </summary>
        internal int SegmentBytes
        {
            get => _segmentBytes;
            set => _segmentBytes = value >= 16 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "A segment must hold at least 16 bytes.");
        }

        /// <summary>The degree of parallelism actually used.</summary>
        internal int EffectiveParallelism => _maxDegreeOfParallelism == 0 ? Math.Max(1, Environment.ProcessorCount) : _maxDegreeOfParallelism;

        /// <summary>A copy of these options.</summary>
        public CountingOptions Clone() => (CountingOptions)MemberwiseClone();
    }
}
