using System;
using System.IO;
using System.Text;

namespace MakemorePS.Core
{
    // Stream buffering: reads a stream or file in buffers cut at line boundaries, handles byte-order marks, and drops
    // lines too long to buffer.
    public sealed partial class BigramCounter
    {
        /// <summary>
        /// Counts the names in a stream of text, one per line, reading it in blocks so memory stays bounded. UTF-8 is
        /// assumed; a UTF-16 or UTF-32 byte-order mark switches to that encoding. Invalid lines are reported and skipped.
        /// </summary>
        /// <exception cref="IOException">A line is so long that no line end follows within
        /// <see cref="CountingOptions.MaxSkippedLineBytes"/>; the rest of the stream is not read.</exception>
        /// <exception cref="OperationCanceledException">The options' cancellation token was cancelled.</exception>
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
            FillBuffer(stream, buffer, ref filled, ref endOfStream);
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
                FillBuffer(stream, buffer, ref filled, ref endOfStream);
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
                    DiscardRestOfLine(stream, buffer, ref filled, ref endOfStream, out skipLeadingLineFeed, lineOffset, source);
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

        private void FillBuffer(Stream stream, byte[] buffer, ref int filled, ref bool endOfStream)
        {
            while (!endOfStream && filled < buffer.Length)
            {
                _options.CancellationToken.ThrowIfCancellationRequested();
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

        /// <summary>
        /// Reads past the rest of an over-long line; leaves what follows its line break at the start of the buffer.
        /// Gives up, with an IOException, when no line end turns up within <see cref="CountingOptions.MaxSkippedLineBytes"/>.
        /// </summary>
        private void DiscardRestOfLine(Stream stream, byte[] buffer, ref int filled, ref bool endOfStream, out bool skipLeadingLineFeed, long lineNumber, string? source)
        {
            skipLeadingLineFeed = false;
            long skipped = 0;
            while (true)
            {
                skipped += filled;
                if (skipped > _options.MaxSkippedLineBytes)
                {
                    throw new IOException(string.Format(System.Globalization.CultureInfo.InvariantCulture,
                        "{0}, line {1}: no line end within {2:N0} bytes, so the rest of the input is not read (it holds no names one per line).",
                        source ?? "input", lineNumber, _options.MaxSkippedLineBytes));
                }

                filled = 0;
                FillBuffer(stream, buffer, ref filled, ref endOfStream);
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
    }
}
