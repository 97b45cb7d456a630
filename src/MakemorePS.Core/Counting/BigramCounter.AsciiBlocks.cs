using System;

namespace MakemorePS.Core
{
    // The ASCII block kernel: runs of plain ASCII lines are counted a block at a time with no branch per byte.
    public sealed partial class BigramCounter
    {
        // Block path: the low 7 bits are the symbol (a line break is the boundary), bit 8 marks a byte that needs care,
        // bit 15 a line break (CR or LF).
        private const int BlockNeedsCare = 0x100;
        private const int BlockBreakShift = 15;
        private const int BlockBytes = 4096;
        private const int BlocksToSkipAfterMiss = 8;

        private static readonly ushort[] s_caseKeepingBlockMap = BuildBlockMap(BuildByteMap(lowerCase: false));
        private static readonly ushort[] s_lowerCasingBlockMap = BuildBlockMap(BuildByteMap(lowerCase: true));

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
    }
}
