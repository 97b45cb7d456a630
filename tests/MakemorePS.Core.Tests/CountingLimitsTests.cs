using System;
using System.IO;
using System.Threading;
using MakemorePS.Core;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>Inputs without end: cancellation, and a line that never ends.</summary>
    public class CountingLimitsTests
    {
        /// <summary>An endless stream of one repeated byte pattern, which can cancel a token after some reads.</summary>
        private sealed class EndlessStream : Stream
        {
            private readonly byte[] _pattern;
            private readonly CancellationTokenSource? _cancelAfter;
            private readonly int _readsBeforeCancel;
            private long _position;

            public EndlessStream(byte[] pattern, CancellationTokenSource? cancelAfter = null, int readsBeforeCancel = 0)
            {
                _pattern = pattern;
                _cancelAfter = cancelAfter;
                _readsBeforeCancel = readsBeforeCancel;
            }

            public int Reads { get; private set; }

            public long BytesRead => _position;

            public override bool CanRead => true;

            public override bool CanSeek => false;

            public override bool CanWrite => false;

            public override long Length => throw new NotSupportedException();

            public override long Position { get => _position; set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                Reads++;
                if (_cancelAfter != null && Reads == _readsBeforeCancel)
                {
                    _cancelAfter.Cancel();
                }

                for (int i = 0; i < count; i++)
                {
                    buffer[offset + i] = _pattern[(_position + i) % _pattern.Length];
                }

                _position += count;
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

            public override void SetLength(long value) => throw new NotSupportedException();

            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }

        [Fact]
        public void CancellingStopsCountingAnEndlessStreamAndKeepsWhatWasCounted()
        {
            using var cancel = new CancellationTokenSource();
            var stream = new EndlessStream(System.Text.Encoding.UTF8.GetBytes("emma\nava\n"), cancel, readsBeforeCancel: 5);
            var counter = new BigramCounter(new CountingOptions { CancellationToken = cancel.Token, MaxDegreeOfParallelism = 1 });
            Assert.ThrowsAny<OperationCanceledException>(() => counter.AddStream(stream, "endless"));
            Assert.True(stream.Reads <= 6, $"{stream.Reads} reads after cancellation was requested at read 5");
            Assert.True(counter.NameCount > 0);
        }

        [Fact]
        public void CancellingStopsAnEndlessSequenceOfNames()
        {
            using var cancel = new CancellationTokenSource();
            var counter = new BigramCounter(new CountingOptions { CancellationToken = cancel.Token });
            long produced = 0;
            System.Collections.Generic.IEnumerable<string> Endless()
            {
                while (true)
                {
                    if (++produced == 10_000)
                    {
                        cancel.Cancel();
                    }

                    yield return "emma";
                }
            }

            Assert.ThrowsAny<OperationCanceledException>(() => counter.AddNames(Endless()));
            Assert.True(produced < 10_000 + 4096 + 1, $"{produced} names read");
        }

        [Fact]
        public void ALineThatNeverEndsIsReportedAndTheRestOfTheInputGivenUp()
        {
            var rejections = new System.Collections.Generic.List<NameRejection>();
            var counter = new BigramCounter(new CountingOptions { Rejected = rejections.Add, MaxDegreeOfParallelism = 1 });
            var zeros = new EndlessStream(new byte[] { 0 });
            IOException error = Assert.Throws<IOException>(() => counter.AddStream(zeros, "/dev/zero"));
            Assert.Contains("no line end within 268,435,456 bytes", error.Message);
            Assert.Contains("/dev/zero, line 1", error.Message);
            NameRejection tooLong = Assert.Single(rejections);
            Assert.Equal(InvalidNameReason.TooLong, tooLong.Error.Reason);
            Assert.True(zeros.BytesRead < 300L << 20, $"{zeros.BytesRead} bytes read");
        }
    }
}
