using System;
using System.Collections.Generic;
using System.IO;

namespace MakemorePS.Core
{
    /// <summary>
    /// Counts bigrams of names as they stream in, without knowing the vocabulary up front: each name is
    /// trimmed (and lower-cased if asked), framed by the boundary token '.', and every adjacent pair counted.
    /// Blank lines are counted, not hidden. Memory does not grow with the input (unless distinct names are
    /// collected): ASCII pairs go to a flat 128×128 table, other pairs to a dictionary keyed by both scalar values.
    /// </summary>
    /// <remarks>
    /// <para>Single names (<see cref="Add"/>) throw <see cref="InvalidNameException"/> for a bad name and leave
    /// the counter unchanged, so a caller can report that name and go on. Bulk input (<see cref="AddNames"/>,
    /// <see cref="AddUtf8"/>, <see cref="AddStream"/>, <see cref="AddFile"/>) skips bad lines and reports each as a
    /// <see cref="NameRejection"/> through <see cref="CountingOptions.Rejected"/> and <see cref="Rejections"/>.</para>
    /// <para>UTF-8 input is counted by a byte-level loop with no allocation per ASCII line; a line with other bytes is
    /// decoded on its own and counted by scalar value (an emoji is one symbol). Large inputs are split on line
    /// boundaries and counted in parallel, then merged in input order, so the result is identical to serial counting.</para>
    /// <para>A counter is not thread-safe; use one per thread and <see cref="Merge"/> them.</para>
    /// </remarks>
    // One job per file: this one holds the public API and the accumulation into the pair tables;
    // BigramCounter.Batching.cs cuts UTF-8 input into batches and counts them in parallel;
    // BigramCounter.AsciiBlocks.cs counts runs of plain ASCII lines a block at a time;
    // BigramCounter.Lines.cs counts single lines byte by byte, decodes the others and rejects bad lines;
    // BigramCounter.Streaming.cs buffers streams and files and cuts them at line breaks.
    public sealed partial class BigramCounter
    {
        private const int Boundary = Vocabulary.BoundaryToken;
        private const int AsciiTableSize = 128 * 128;
        private const int ScalarBits = 21;
        private const long ScalarMask = (1L << ScalarBits) - 1;
        private const byte LineFeed = (byte)'\n';
        private const byte CarriageReturn = (byte)'\r';

        private readonly CountingOptions _options;
        private readonly bool _deferRejections;
        private readonly long[] _ascii = new long[AsciiTableSize];
        private readonly Dictionary<long, long> _other = new Dictionary<long, long>();
        private readonly List<string>? _names;
        private readonly HashSet<string>? _nameSet;
        private readonly List<NameRejection> _keptRejections = new List<NameRejection>();
        private char[] _nameBuffer = new char[64];
        private BigramCounter[]? _workers;
        private long _nameCount;
        private long _blankLineCount;
        private long _rejectedCount;

        /// <summary>Creates an empty counter.</summary>
        /// <param name="options">How to read names; copied. Null means the defaults.</param>
        public BigramCounter(CountingOptions? options = null)
            : this(options?.Clone() ?? new CountingOptions(), deferRejections: false)
        {
        }

        private BigramCounter(CountingOptions ownedOptions, bool deferRejections)
        {
            _options = ownedOptions;
            _deferRejections = deferRejections;
            if (ownedOptions.CollectNames)
            {
                _names = new List<string>();
                _nameSet = new HashSet<string>(StringComparer.Ordinal);
            }
        }

        /// <summary>Whether names are lower-cased before counting.</summary>
        public bool LowerCase => _options.LowerCase;

        /// <summary>Whether the distinct names are kept in <see cref="Names"/>.</summary>
        public bool CollectsNames => _names != null;

        /// <summary>The number of names counted so far, duplicates included.</summary>
        public long NameCount => _nameCount;

        /// <summary>The number of blank lines (or blank names) skipped so far.</summary>
        public long BlankLineCount => _blankLineCount;

        /// <summary>The number of lines or names rejected so far.</summary>
        public long RejectedCount => _rejectedCount;

        /// <summary>The first rejections, up to <see cref="CountingOptions.MaxRejectionsKept"/>.</summary>
        public IReadOnlyList<NameRejection> Rejections => _keptRejections;

        /// <summary>
        /// The distinct names counted so far, in first-seen order (every name, in input order, with
        /// <see cref="CountingOptions.KeepDuplicateNames"/>); empty unless <see cref="CountingOptions.CollectNames"/> is on.
        /// </summary>
        public IReadOnlyList<string> Names => (IReadOnlyList<string>?)_names ?? Array.Empty<string>();

        /// <summary>Counts raw names; invalid ones are rejected and reported, with their 1-based position as line number.</summary>
        /// <param name="rawNames">The names.</param>
        /// <param name="options">How to read them; null means the defaults.</param>
        public static BigramCounts CountNames(IEnumerable<string?> rawNames, CountingOptions? options = null)
        {
            var counter = new BigramCounter(options);
            counter.AddNames(rawNames);
            return counter.ToCounts();
        }

        /// <summary>Counts the names in UTF-8 text, one per line (LF, CRLF or CR; a leading byte-order mark is skipped).</summary>
        /// <param name="utf8">The text.</param>
        /// <param name="options">How to read it; null means the defaults.</param>
        public static BigramCounts CountUtf8(ReadOnlySpan<byte> utf8, CountingOptions? options = null)
        {
            var counter = new BigramCounter(options);
            counter.AddUtf8(utf8);
            return counter.ToCounts();
        }

        /// <summary>Counts the names in a text file, one per line, streaming it in blocks.</summary>
        /// <param name="path">The file: UTF-8 with or without a byte-order mark, or UTF-16/UTF-32 with one.</param>
        /// <param name="options">How to read it; null means the defaults.</param>
        public static BigramCounts CountFile(string path, CountingOptions? options = null)
        {
            var counter = new BigramCounter(options);
            counter.AddFile(path);
            return counter.ToCounts();
        }

        /// <summary>Counts one raw name: trimmed, lower-cased if asked; a blank one is counted as a blank line.</summary>
        /// <param name="rawName">The name; null counts as blank.</param>
        /// <returns>True when the name was counted, false when it was blank.</returns>
        /// <exception cref="InvalidNameException">The name holds the boundary token or an unpaired surrogate; nothing was counted.</exception>
        public bool Add(string? rawName)
        {
            if (!NameNormalizer.TryNormalize(rawName, _options.LowerCase, out string? name))
            {
                _blankLineCount++;
                return false;
            }

            CountName(name!);
            return true;
        }

        /// <summary>Counts a name that is already normalized: it is counted exactly as given (no trimming or lower-casing).</summary>
        /// <param name="name">The name.</param>
        /// <exception cref="InvalidNameException">The name is empty or holds the boundary token or an unpaired surrogate; nothing was counted.</exception>
        public void AddNormalized(string name)
        {
            if (name is null)
            {
                throw new ArgumentNullException(nameof(name));
            }

            if (name.Length == 0)
            {
                throw new InvalidNameException(name, InvalidNameReason.Empty, "A name cannot be empty.");
            }

            NameNormalizer.Validate(name);
            CountName(name);
        }

        /// <summary>
        /// Counts raw names like <see cref="Add"/>, but rejects an invalid name by reporting it (its 1-based position in
        /// the sequence is its line number) and going on.
        /// </summary>
        /// <param name="rawNames">The names; null entries count as blank.</param>
        /// <param name="source">Where the names came from, for the rejections; may be null.</param>
        public void AddNames(IEnumerable<string?> rawNames, string? source = null)
        {
            if (rawNames is null)
            {
                throw new ArgumentNullException(nameof(rawNames));
            }

            long position = 0;
            foreach (string? raw in rawNames)
            {
                CountRawLine(raw, ++position, source);
            }
        }

        /// <summary>Counts the names a reader yields, one per line; invalid lines are reported and skipped.</summary>
        /// <param name="reader">The text.</param>
        /// <param name="source">Where the text came from, for the rejections; may be null.</param>
        public void AddReader(TextReader reader, string? source = null)
        {
            if (reader is null)
            {
                throw new ArgumentNullException(nameof(reader));
            }

            long lineNumber = 0;
            string? line;
            while ((line = reader.ReadLine()) != null)
            {
                CountRawLine(line, ++lineNumber, source);
            }
        }

        /// <summary>Adds everything another counter has counted: pairs, names, blank lines, distinct names and rejections.</summary>
        /// <param name="other">The other counter; unchanged.</param>
        public void Merge(BigramCounter other)
        {
            if (other is null)
            {
                throw new ArgumentNullException(nameof(other));
            }

            if (ReferenceEquals(other, this))
            {
                throw new ArgumentException("A counter cannot be merged into itself.", nameof(other));
            }

            AddCountsOf(other);
            foreach (NameRejection rejection in other._keptRejections)
            {
                if (_keptRejections.Count < _options.MaxRejectionsKept)
                {
                    _keptRejections.Add(rejection);
                }
            }

            _rejectedCount += other._rejectedCount;
        }

        /// <summary>The counts so far over the vocabulary of every symbol seen, sorted by scalar value, boundary first.</summary>
        public BigramCounts ToCounts()
        {
            var present = new HashSet<int>();
            for (int first = 0; first < 128; first++)
            {
                for (int second = 0; second < 128; second++)
                {
                    if (_ascii[(first << 7) | second] != 0)
                    {
                        present.Add(first);
                        present.Add(second);
                    }
                }
            }

            foreach (long key in _other.Keys)
            {
                present.Add((int)(key >> ScalarBits));
                present.Add((int)(key & ScalarMask));
            }

            Vocabulary vocabulary = Vocabulary.FromScalars(present);
            int v = vocabulary.Count;
            var counts = new long[v * v];
            for (int first = 0; first < 128; first++)
            {
                for (int second = 0; second < 128; second++)
                {
                    long count = _ascii[(first << 7) | second];
                    if (count != 0)
                    {
                        counts[(vocabulary.IndexOf(first) * v) + vocabulary.IndexOf(second)] += count;
                    }
                }
            }

            foreach (KeyValuePair<long, long> pair in _other)
            {
                int first = vocabulary.IndexOf((int)(pair.Key >> ScalarBits));
                int second = vocabulary.IndexOf((int)(pair.Key & ScalarMask));
                counts[(first * v) + second] += pair.Value;
            }

            return new BigramCounts(vocabulary, counts, _nameCount, _blankLineCount, owned: true);
        }

        /// <summary>The counts, the distinct names (a snapshot) and the rejections so far.</summary>
        public NameCorpus ToCorpus() => new NameCorpus(ToCounts(), _names?.ToArray() ?? Array.Empty<string>(), _keptRejections.ToArray(), _rejectedCount);

        private void CountRawLine(string? raw, long lineNumber, string? source)
        {
            string? name;
            try
            {
                if (!NameNormalizer.TryNormalize(raw, _options.LowerCase, out name))
                {
                    _blankLineCount++;
                    return;
                }
            }
            catch (InvalidNameException error)
            {
                Report(new NameRejection(lineNumber, raw ?? string.Empty, error, source));
                return;
            }

            CountName(name!);
        }

        /// <summary>Counts a valid, non-empty, normalized name by scalar value.</summary>
        private void CountName(string name)
        {
            int previous = Boundary;
            for (int i = 0; i < name.Length;)
            {
                UnicodeScalars.TryRead(name, i, out int scalar, out int length);
                AddPair(previous, scalar);
                previous = scalar;
                i += length;
            }

            AddPair(previous, Boundary);
            _nameCount++;
            if (_names != null)
            {
                AddDistinctName(name);
            }
        }

        private void AddPair(int first, int second)
        {
            if ((first | second) < 128)
            {
                _ascii[(first << 7) | second]++;
                return;
            }

            long key = ((long)first << ScalarBits) | (uint)second;
            _other.TryGetValue(key, out long count);
            _other[key] = count + 1;
        }

        private void AddDistinctName(string name)
        {
            if (_options.KeepDuplicateNames || _nameSet!.Add(name))
            {
                _names!.Add(name);
            }
        }

        private void Report(NameRejection rejection)
        {
            _rejectedCount++;
            if (_deferRejections || _keptRejections.Count < _options.MaxRejectionsKept)
            {
                _keptRejections.Add(rejection);
            }

            if (!_deferRejections)
            {
                _options.Rejected?.Invoke(rejection);
            }
        }

        private void AddCountsOf(BigramCounter other)
        {
            long[] mine = _ascii;
            long[] theirs = other._ascii;
            for (int k = 0; k < mine.Length; k++)
            {
                mine[k] += theirs[k];
            }

            foreach (KeyValuePair<long, long> pair in other._other)
            {
                _other.TryGetValue(pair.Key, out long count);
                _other[pair.Key] = count + pair.Value;
            }

            _nameCount += other._nameCount;
            _blankLineCount += other._blankLineCount;
            if (_names != null && other._names != null)
            {
                foreach (string name in other._names)
                {
                    AddDistinctName(name);
                }
            }
        }

        private void Reset()
        {
            Array.Clear(_ascii, 0, _ascii.Length);
            _other.Clear();
            _names?.Clear();
            _nameSet?.Clear();
            _keptRejections.Clear();
            _nameCount = 0;
            _blankLineCount = 0;
            _rejectedCount = 0;
        }
    }
}
