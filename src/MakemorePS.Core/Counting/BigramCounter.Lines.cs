using System;
using System.Text;

namespace MakemorePS.Core
{
    // The line-by-line paths: plain ASCII lines byte by byte, and any other line decoded on its own (the slow path),
    // where bad lines are rejected.
    public sealed partial class BigramCounter
    {
        // Byte classes for the fast path: the low byte is the (possibly lower-cased) ASCII code.
        private const int KindMask = 0x300;
        private const int KindSpace = 0x100;
        private const int KindBreak = 0x200;
        private const int KindSpecial = 0x300;
        private const int EndOfData = KindBreak;

        private static readonly ushort[] s_caseKeepingMap = BuildByteMap(lowerCase: false);
        private static readonly ushort[] s_lowerCasingMap = BuildByteMap(lowerCase: true);

        private static readonly UTF8Encoding s_strictUtf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

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
    }
}
