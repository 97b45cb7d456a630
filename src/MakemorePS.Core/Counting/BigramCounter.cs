using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading.Tasks;

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
    public sealed class BigramCounter
    {
        private const int Boundary = Vocabulary.BoundaryToken;
        private const int AsciiTableSize = 128 * 128;
        private const int ScalarBits = 21;
        private const long ScalarMask = (1L << ScalarBits) - 1;
        private const byte LineFeed = (byte)'\n';
        private const byte CarriageReturn = (byte)'\r';

        // Byte classes for the fast path: the low byte is the (possibly lower-cased) ASCII code.
        private const int KindMask = 0x300;
        private const int KindSpace = 0x100;
        private const int KindBreak = 0x200;
        private const int KindSpecial = 0x300;
        private const int EndOfData = KindBreak;

        // Block path: the low 7 bits are the symbol (a line break is the boundary), bit 8 marks a byte that needs care,
        // bit 15 a line break (CR or LF).
        private const int BlockNeedsCare = 0x100;
        private const int BlockBreakShift = 15;
        private const int BlockBytes = 4096;
        private const int BlocksToSkipAfterMiss = 8;

        private static readonly ushort[] s_caseKeepingMap = BuildByteMap(lowerCase: false);
        private static readonly ushort[] s_lowerCasingMap = BuildByteMap(lowerCase: true);
        private static readonly ushort[] s_caseKeepingBlockMap = BuildBlockMap(s_caseKeepingMap);
        private static readonly ushort[] s_lowerCasingBlockMap = BuildBlockMap(s_lowerCasingMap);
        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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

        /// <summary>The distinct names counted so far, in first-seen order; empty unless <see cref="CountingOptions.CollectNames"/> is on.</summary>
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

        /// <summary>
        /// Counts the names in UTF-8 text, one per line (LF, CRLF or CR). A leading byte-order mark is skipped. Lines that are
        /// not valid UTF-8, hold the boundary token, or are longer than 1 MiB are reported and skipped.
        /// </summary>
        /// <param name="utf8">The text.</param>
        /// <param name="source">Where the text came from, for the rejections; may be null.</param>
        public unsafe void AddUtf8(ReadOnlySpan<byte> utf8, string? source = null)
        {
            if (StartsWithUtf8ByteOrderMark(utf8))
            {
                utf8 = utf8.Slice(3);
            }

            long batchLimit = BatchBytes();
            long lineOffset = 0;
            fixed (byte* start = utf8)
            {
                int position = 0;
                while (position < utf8.Length)
                {
                    ReadOnlySpan<byte> rest = utf8.Slice(position);
                    int length = rest.Length;
                    if (length > batchLimit)
                    {
                        length = FindLastCut(rest.Slice(0, (int)batchLimit), atEnd: false);
                        if (length == 0)
                        {
                            // One line fills the whole batch: take it whole; the line-length limit rejects it.
                            length = FindCutAtOrAfter(rest, (int)batchLimit);
                        }
                    }

                    CountBatch(start + position, length, source, ref lineOffset);
                    position += length;
                }
            }
        }

        /// <summary>
        /// Counts the names in a stream of text, one per line, reading it in blocks so memory stays bounded. UTF-8 is
        /// assumed; a UTF-16 or UTF-32 byte-order mark switches to that encoding. Invalid lines are reported and skipped.
        /// </summary>
        /// <param name="stream">The text; read to its end, not closed.</param>
        /// <param name="source">Where the text came from, for the rejections; may be null.</param>
        public unsafe void AddStream(Stream stream, string? source = null)
        {
            if (stream is null)
            {
                throw new ArgumentNullException(nameof(stream));
            }

            long batchBytes = BatchBytes();
            if (stream.CanSeek)
            {
                // A small file needs no full-size buffer; the buffer grows again if the file turns out longer.
                batchBytes = Math.Min(batchBytes, Math.Max(stream.Length - stream.Position + 1, 4096));
            }

            var buffer = new byte[batchBytes];
            int filled = 0;
            bool endOfStream = false;
            Fill(stream, buffer, ref filled, ref endOfStream);
            if (HasWideByteOrderMark(buffer.AsSpan(0, filled)))
            {
                using (var reader = new StreamReader(new ReplayStream(buffer, filled, stream), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true))
                {
                    AddReader(reader, source);
                }

                return;
            }

            int start = StartsWithUtf8ByteOrderMark(buffer.AsSpan(0, filled)) ? 3 : 0;
            long lineOffset = 0;
            bool skipLeadingLineFeed = false;
            while (true)
            {
                Fill(stream, buffer, ref filled, ref endOfStream);
                if (skipLeadingLineFeed && filled > start)
                {
                    // The CR that ended the previous (too long) line may have been the first half of a CRLF.
                    skipLeadingLineFeed = false;
                    if (buffer[start] == LineFeed)
                    {
                        start++;
                    }
                }

                ReadOnlySpan<byte> data = buffer.AsSpan(start, filled - start);
                int cut = endOfStream ? data.Length : FindLastCut(data, atEnd: false);
                if (cut == 0 && !endOfStream && buffer.Length < BatchBytes())
                {
                    Array.Resize(ref buffer, (int)BatchBytes());
                    continue;
                }

                if (cut == 0 && !endOfStream)
                {
                    // A full buffer without a line break: far beyond the line limit. Report it and drop it.
                    RejectTooLong(data, lineOffset + 1, source);
                    lineOffset++;
                    DiscardRestOfLine(stream, buffer, ref filled, ref endOfStream, out skipLeadingLineFeed);
                    start = 0;
                    if (endOfStream && filled == 0)
                    {
                        return;
                    }

                    continue;
                }

                fixed (byte* bytes = buffer)
                {
                    CountBatch(bytes + start, cut, source, ref lineOffset);
                }

                int rest = data.Length - cut;
                Buffer.BlockCopy(buffer, start + cut, buffer, 0, rest);
                filled = rest;
                start = 0;
                if (endOfStream && filled == 0)
                {
                    return;
                }
            }
        }

        /// <summary>Counts the names in a text file, one per line, like <see cref="AddStream"/>; rejections name the file.</summary>
        /// <param name="path">The file.</param>
        public void AddFile(string path)
        {
            if (path is null)
            {
                throw new ArgumentNullException(nameof(path));
            }

            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1, FileOptions.SequentialScan))
            {
                AddStream(stream, path);
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

        /// <summary>
        /// Counts complete lines of UTF-8 (the last may lack its line break) and returns how many lines there were.
        /// Runs of lines go through the branch-free block path when they are plain ASCII; the rest line by line.
        /// </summary>
        internal unsafe long CountLines(byte* p, int n, long firstLineNumber, string? source)
        {
            if (_names != null)
            {
                // Collecting names needs each line's extent, which only the line-by-line path knows.
                return CountLinesOneByOne(p, n, firstLineNumber, source);
            }

            long lines = 0;
            int blockLimit = Math.Min(BlockBytes, _options.SegmentBytes);
            int skipBlocks = 0;
            int i = 0;
            fixed (long* table = _ascii)
            fixed (ushort* map = _options.LowerCase ? s_lowerCasingBlockMap : s_caseKeepingBlockMap)
            {
                while (i < n)
                {
                    int window = Math.Min(blockLimit, n - i);
                    int blockLength = new ReadOnlySpan<byte>(p + i, window).LastIndexOf(LineFeed) + 1;
                    if (blockLength == 0)
                    {
                        // No LF in reach (a long line, a CR-only file, or the unterminated last line).
                        blockLength = i + window == n ? window : FindCutAtOrAfter(new ReadOnlySpan<byte>(p + i, n - i), window);
                        lines += CountLinesOneByOne(p + i, blockLength, firstLineNumber + lines, source);
                    }
                    else if (skipBlocks > 0 || !TryCountPlainBlock(p + i, blockLength, table, map, ref lines))
                    {
                        // After a block that needed care, the next few likely do too: go straight to the careful path.
                        skipBlocks = skipBlocks > 0 ? skipBlocks - 1 : BlocksToSkipAfterMiss;
                        lines += CountLinesOneByOne(p + i, blockLength, firstLineNumber + lines, source);
                    }

                    i += blockLength;
                }
            }

            return lines;
        }

        /// <summary>
        /// Counts a run of LF-terminated lines with no branch per byte: a line break maps to the boundary token, so each
        /// pair of adjacent bytes is exactly one bigram, and the (boundary, boundary) pairs that breaks make are removed
        /// after. Every byte also ORs its class into a flag; if any byte needs care (whitespace, '.', non-ASCII) the
        /// block's pairs are taken back and the caller counts it line by line.
        /// </summary>
        private unsafe bool TryCountPlainBlock(byte* p, int length, long* table, ushort* map, ref long lines)
        {
            const int BoundaryPair = (Boundary << 7) | Boundary;
            int previous = Boundary;
            int flags = 0;
            int breaks = 0;
            for (int k = 0; k < length; k++)
            {
                int value = map[p[k]];
                int symbol = value & 0x7F;
                table[(previous << 7) | symbol]++;
                previous = symbol;
                flags |= value;
                breaks += value >> BlockBreakShift;
            }

            if ((flags & BlockNeedsCare) != 0)
            {
                previous = Boundary;
                for (int k = 0; k < length; k++)
                {
                    int symbol = map[p[k]] & 0x7F;
                    table[(previous << 7) | symbol]--;
                    previous = symbol;
                }

                return false;
            }

            // No name is empty, so every (boundary, boundary) pair came from a blank line or a CRLF.
            long boundaryPairs = table[BoundaryPair];
            table[BoundaryPair] = 0;
            long names = breaks - boundaryPairs;
            long lineCount = breaks - CountCarriageReturnLineFeeds(new ReadOnlySpan<byte>(p, length));
            _nameCount += names;
            _blankLineCount += lineCount - names;
            lines += lineCount;
            return true;
        }

        private static int CountCarriageReturnLineFeeds(ReadOnlySpan<byte> block)
        {
            int count = 0;
            int k;
            while ((k = block.IndexOf(CarriageReturn)) >= 0)
            {
                // The block ends with LF, so a CR is never its last byte.
                count += block[k + 1] == LineFeed ? 1 : 0;
                block = block.Slice(k + 1);
            }

            return count;
        }

        /// <summary>
        /// Counts complete lines one at a time and returns how many there were. One table lookup classifies each byte,
        /// and plain ASCII bytes go straight into the table; anything else sends the line to the decoding path.
        /// </summary>
        private unsafe long CountLinesOneByOne(byte* p, int n, long firstLineNumber, string? source)
        {
            if (n <= 0)
            {
                return 0;
            }

            long lines = 0;
            long names = 0;
            long blanks = 0;
            int maxLineBytes = _options.SegmentBytes;
            bool collect = _names != null;
            fixed (long* table = _ascii)
            fixed (ushort* map = _options.LowerCase ? s_lowerCasingMap : s_caseKeepingMap)
            {
                int i = 0;
                while (i < n)
                {
                    lines++;
                    int lineStart = i;
                    int m = map[p[i]];
                    while ((m & KindMask) == KindSpace)
                    {
                        m = ++i < n ? map[p[i]] : EndOfData;
                    }

                    if ((m & KindMask) == KindBreak)
                    {
                        blanks++;
                        i = SkipLineBreak(p, i, n);
                        continue;
                    }

                    if (m < KindSpace)
                    {
                        int first = i;
                        int previous = Boundary;
                        int nameEnd;
                        while (true)
                        {
                            table[(previous << 7) | m]++;
                            previous = m;
                            m = ++i < n ? map[p[i]] : EndOfData;
                            if (m < KindSpace)
                            {
                                continue;
                            }

                            if ((m & KindMask) == KindSpace)
                            {
                                // Whitespace inside a name is a symbol; at the end of the line it is trimmed.
                                int j = i;
                                int next;
                                do
                                {
                                    next = ++j < n ? map[p[j]] : EndOfData;
                                }
                                while ((next & KindMask) == KindSpace);

                                if ((next & KindMask) == KindBreak)
                                {
                                    nameEnd = i;
                                    i = j;
                                    break;
                                }

                                for (int k = i; k < j; k++)
                                {
                                    int space = p[k];
                                    table[(previous << 7) | space]++;
                                    previous = space;
                                }

                                i = j;
                                m = next;
                                if (m < KindSpace)
                                {
                                    continue;
                                }
                            }

                            nameEnd = (m & KindMask) == KindBreak ? i : -1;
                            break;
                        }

                        if (nameEnd >= 0 && i - lineStart <= maxLineBytes)
                        {
                            table[(previous << 7) | Boundary]++;
                            names++;
                            if (collect)
                            {
                                CollectAsciiName(p + first, nameEnd - first, map);
                            }

                            i = SkipLineBreak(p, i, n);
                            continue;
                        }

                        // A '.', a non-ASCII byte or an over-long line: take back this line's pairs and decode it.
                        UndoAsciiPairs(p, map, table, first, nameEnd >= 0 ? nameEnd : i);
                    }

                    i = CountSlowLine(p, lineStart, n, firstLineNumber + lines, source, maxLineBytes);
                }
            }

            _nameCount += names;
            _blankLineCount += blanks;
            return lines;
        }

        private static unsafe void UndoAsciiPairs(byte* p, ushort* map, long* table, int first, int end)
        {
            int previous = Boundary;
            for (int k = first; k < end; k++)
            {
                int symbol = map[p[k]] & 0xFF;
                table[(previous << 7) | symbol]--;
                previous = symbol;
            }
        }

        private static unsafe int SkipLineBreak(byte* p, int i, int n)
        {
            if (i >= n)
            {
                return n;
            }

            if (p[i] == CarriageReturn)
            {
                i++;
                return i < n && p[i] == LineFeed ? i + 1 : i;
            }

            return i + 1;
        }

        private unsafe int CountSlowLine(byte* p, int lineStart, int n, long lineNumber, string? source, int maxLineBytes)
        {
            var rest = new ReadOnlySpan<byte>(p + lineStart, n - lineStart);
            int length = rest.IndexOfAny(LineFeed, CarriageReturn);
            if (length < 0)
            {
                length = rest.Length;
            }

            if (length > maxLineBytes)
            {
                RejectTooLong(rest.Slice(0, length), lineNumber, source);
                return SkipLineBreak(p, lineStart + length, n);
            }

            string raw;
            try
            {
                raw = s_strictUtf8.GetString(p + lineStart, length);
            }
            catch (DecoderFallbackException error)
            {
                string lenient = Encoding.UTF8.GetString(p + lineStart, length);
                string where = error.Index >= 0 && error.Index < length ? $" (byte 0x{p[lineStart + error.Index]:X2} at byte {error.Index + 1} of the line)" : string.Empty;
                Report(new NameRejection(lineNumber, lenient, new InvalidNameException(lenient, InvalidNameReason.InvalidEncoding,
                    $"The line '{lenient}' is not valid UTF-8{where}; save the file as UTF-8 (a legacy code page such as Windows-1252 is not supported)."), source));
                return SkipLineBreak(p, lineStart + length, n);
            }

            CountRawLine(raw, lineNumber, source);
            return SkipLineBreak(p, lineStart + length, n);
        }

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

        private void RejectTooLong(ReadOnlySpan<byte> line, long lineNumber, string? source)
        {
            const int PreviewBytes = 64;
            string preview = DecodeLeniently(line.Slice(0, Math.Min(PreviewBytes, line.Length))) + "…";
            string limit = _options.SegmentBytes.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
            Report(new NameRejection(lineNumber, preview, new InvalidNameException(preview, InvalidNameReason.TooLong,
                $"The line starting '{preview}' is longer than {limit} bytes, too long to be a name; is this a file of names, one per line?"), source));
        }

        private static unsafe string DecodeLeniently(ReadOnlySpan<byte> bytes)
        {
            if (bytes.IsEmpty)
            {
                return string.Empty;
            }

            fixed (byte* p = bytes)
            {
                return Encoding.UTF8.GetString(p, bytes.Length);
            }
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

        private unsafe void CollectAsciiName(byte* name, int length, ushort* map)
        {
            if (_nameBuffer.Length < length)
            {
                _nameBuffer = new char[Math.Max(length, _nameBuffer.Length * 2)];
            }

            for (int k = 0; k < length; k++)
            {
                _nameBuffer[k] = (char)(map[name[k]] & 0xFF);
            }

            AddDistinctName(new string(_nameBuffer, 0, length));
        }

        private void AddDistinctName(string name)
        {
            if (_nameSet!.Add(name))
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

        private long BatchBytes() => Math.Min((long)_options.EffectiveParallelism * _options.SegmentBytes, 1 << 30);

        /// <summary>
        /// Counts a run of complete lines. Big runs are cut on line boundaries into one piece per thread, counted by
        /// worker counters, and merged in order, so counts, names, line numbers and rejections match serial counting.
        /// </summary>
        private unsafe void CountBatch(byte* p, int n, string? source, ref long lineOffset)
        {
            int parallelism = _options.EffectiveParallelism;
            int segment = _options.SegmentBytes;
            int pieces = (int)Math.Min(parallelism, ((long)n + segment - 1) / segment);
            if (pieces <= 1)
            {
                lineOffset += CountLines(p, n, lineOffset, source);
                return;
            }

            var data = new ReadOnlySpan<byte>(p, n);
            var bounds = new int[pieces + 1];
            bounds[pieces] = n;
            for (int j = 1; j < pieces; j++)
            {
                int target = Math.Max(bounds[j - 1], (int)((long)n * j / pieces));
                bounds[j] = target == 0 ? 0 : FindCutAtOrAfter(data, target);
            }

            BigramCounter[] workers = Workers(pieces);
            var lineCounts = new long[pieces];
            var address = (IntPtr)p;
            Parallel.For(0, pieces, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, j =>
            {
                BigramCounter worker = workers[j];
                worker.Reset();
                lineCounts[j] = worker.CountLines((byte*)address + bounds[j], bounds[j + 1] - bounds[j], 0, source);
            });

            for (int j = 0; j < pieces; j++)
            {
                BigramCounter worker = workers[j];
                AddCountsOf(worker);
                foreach (NameRejection rejection in worker._keptRejections)
                {
                    Report(rejection.ShiftedBy(lineOffset, null));
                }

                lineOffset += lineCounts[j];
            }
        }

        private BigramCounter[] Workers(int count)
        {
            if (_workers == null || _workers.Length < count)
            {
                var workers = new BigramCounter[count];
                for (int j = 0; j < count; j++)
                {
                    workers[j] = _workers != null && j < _workers.Length ? _workers[j] : new BigramCounter(_options, deferRejections: true);
                }

                _workers = workers;
            }

            return _workers;
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

        /// <summary>The end of the last complete line in <paramref name="data"/>, or 0 when there is none.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="atEnd">Whether nothing follows; otherwise a final CR may be half of a CRLF and does not end a line yet.</param>
        internal static int FindLastCut(ReadOnlySpan<byte> data, bool atEnd)
        {
            int end = data.Length;
            while (end > 0)
            {
                int k = data.Slice(0, end).LastIndexOfAny(LineFeed, CarriageReturn);
                if (k < 0)
                {
                    return 0;
                }

                if (data[k] == LineFeed || k + 1 < data.Length || atEnd)
                {
                    return k + 1;
                }

                end = k;
            }

            return 0;
        }

        /// <summary>The end of the first line that ends at or after <paramref name="target"/>, or the length of <paramref name="data"/>.</summary>
        internal static int FindCutAtOrAfter(ReadOnlySpan<byte> data, int target)
        {
            if (target > 0 && data[target - 1] == CarriageReturn && target < data.Length && data[target] == LineFeed)
            {
                // Never split a CRLF.
                return target + 1;
            }

            int k = data.Slice(target).IndexOfAny(LineFeed, CarriageReturn);
            if (k < 0)
            {
                return data.Length;
            }

            int position = target + k;
            if (data[position] == CarriageReturn && position + 1 < data.Length && data[position + 1] == LineFeed)
            {
                position++;
            }

            return position + 1;
        }

        private static void Fill(Stream stream, byte[] buffer, ref int filled, ref bool endOfStream)
        {
            while (!endOfStream && filled < buffer.Length)
            {
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    endOfStream = true;
                }
                else
                {
                    filled += read;
                }
            }
        }

        /// <summary>Reads past the rest of an over-long line; leaves what follows its line break at the start of the buffer.</summary>
        private static void DiscardRestOfLine(Stream stream, byte[] buffer, ref int filled, ref bool endOfStream, out bool skipLeadingLineFeed)
        {
            skipLeadingLineFeed = false;
            while (true)
            {
                filled = 0;
                Fill(stream, buffer, ref filled, ref endOfStream);
                int k = buffer.AsSpan(0, filled).IndexOfAny(LineFeed, CarriageReturn);
                if (k >= 0)
                {
                    int after = k + 1;
                    if (buffer[k] == CarriageReturn)
                    {
                        if (after < filled)
                        {
                            after += buffer[after] == LineFeed ? 1 : 0;
                        }
                        else
                        {
                            skipLeadingLineFeed = true;
                        }
                    }

                    Buffer.BlockCopy(buffer, after, buffer, 0, filled - after);
                    filled -= after;
                    return;
                }

                if (endOfStream)
                {
                    filled = 0;
                    return;
                }
            }
        }

        private static bool StartsWithUtf8ByteOrderMark(ReadOnlySpan<byte> data) =>
            data.Length >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF;

        private static bool HasWideByteOrderMark(ReadOnlySpan<byte> data) =>
            (data.Length >= 2 && ((data[0] == 0xFF && data[1] == 0xFE) || (data[0] == 0xFE && data[1] == 0xFF)))
            || (data.Length >= 4 && data[0] == 0 && data[1] == 0 && data[2] == 0xFE && data[3] == 0xFF);

        private static ushort[] BuildByteMap(bool lowerCase)
        {
            var map = new ushort[256];
            for (int b = 0; b < 256; b++)
            {
                if (b >= 128 || b == Boundary)
                {
                    map[b] = (ushort)(KindSpecial | b);
                }
                else if (b == LineFeed || b == CarriageReturn)
                {
                    map[b] = (ushort)(KindBreak | b);
                }
                else if (char.IsWhiteSpace((char)b))
                {
                    // The same set string.Trim removes, so both paths trim alike.
                    map[b] = (ushort)(KindSpace | b);
                }
                else
                {
                    // Invariant lower-casing maps exactly A–Z to a–z within ASCII.
                    map[b] = (ushort)(lowerCase ? char.ToLowerInvariant((char)b) : b);
                }
            }

            return map;
        }

        private static ushort[] BuildBlockMap(ushort[] lineMap)
        {
            var map = new ushort[256];
            for (int b = 0; b < 256; b++)
            {
                int value = lineMap[b];
                switch (value & KindMask)
                {
                    case 0:
                        map[b] = (ushort)value;
                        break;
                    case KindBreak:
                        map[b] = (ushort)((1 << BlockBreakShift) | Boundary);
                        break;
                    default:
                        map[b] = (ushort)(BlockNeedsCare | (value & 0x7F));
                        break;
                }
            }

            return map;
        }

        /// <summary>Replays bytes already read from a stream, then goes on with the stream.</summary>
        private sealed class ReplayStream : Stream
        {
            private readonly byte[] _prefix;
            private readonly int _prefixLength;
            private readonly Stream _inner;
            private int _position;

            public ReplayStream(byte[] prefix, int prefixLength, Stream inner)
            {
                _prefix = prefix;
                _prefixLength = prefixLength;
                _inner = inner;
            }

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position
            {
                get => throw new NotSupportedException();
                set => throw new NotSupportedException();
            }

            public override int Read(byte[] buffer, int offset, int count)
            {
                if (_position < _prefixLength)
                {
                    int take = Math.Min(count, _prefixLength - _position);
                    Buffer.BlockCopy(_prefix, _position, buffer, offset, take);
                    _position += take;
                    return take;
                }

                return _inner.Read(buffer, offset, count);
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}
