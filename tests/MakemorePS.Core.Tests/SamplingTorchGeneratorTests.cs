using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using MakemorePS.Core.Numerics;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// TorchGenerator against PyTorch's own CPU generator: tests/reference/torch_generator_reference.py records what
    /// torch.randn and torch.randint draw (float bits exactly) in tests/reference/torch_generator_reference.txt.
    /// </summary>
    public class SamplingTorchGeneratorTests
    {
        [Theory]
        [InlineData(2147483647L)]
        [InlineData(7L)]
        [InlineData(-5L)]
        public void DrawsEqualPyTorchsBitForBit(long seed)
        {
            var generator = new TorchGenerator(seed);
            List<Draw> draws = ReadFixture()[seed];
            Assert.NotEmpty(draws);
            foreach (Draw draw in draws)
            {
                if (draw.Bound is uint bound)
                {
                    uint[] indices = Enumerable.Range(0, draw.Values.Length).Select(_ => generator.NextBelow(bound)).ToArray();
                    Assert.Equal(draw.Values.Select(v => (uint)v).ToArray(), indices);
                }
                else
                {
                    var normals = new float[draw.Values.Length];
                    generator.FillNormal(normals);
                    uint[] bits = normals.Select(FloatBits).ToArray();
                    int first = Enumerable.Range(0, bits.Length).FirstOrDefault(i => bits[i] != draw.Values[i], -1);
                    Assert.True(first < 0, $"randn({draw.Values.Length}) differs first at [{first}]: PyTorch {(first < 0 ? 0 : BitsFloat(draw.Values[first])):R}, here {(first < 0 ? 0 : normals[first]):R}");
                }
            }
        }

        [Fact]
        public void TheScaledInitializationIsTheLecturesBitForBit()
        {
            // The lecture's part 3 start (BatchNorm, no b1): C, W1 · (5/3) / √30, W2 · 0.01 and b2 · 0 from one generator.
            var parameters = new MlpParameters(27, 3, 10, 200, batchNorm: true);
            parameters.Initialize(MlpInitialization.Scaled, new TorchGenerator(2147483647));
            var expected = File.ReadAllLines(RepositoryFiles.PathOf("tests", "reference", "torch_generator_reference.txt"))
                .Where(line => line.StartsWith("init ", StringComparison.Ordinal))
                .Select(line => line.Split(' '))
                .ToDictionary(fields => fields[1], fields => (Count: int.Parse(fields[2], CultureInfo.InvariantCulture), Sha256: fields[3]));
            Assert.Equal(new[] { "C", "W1", "W2", "b2" }, expected.Keys);
            foreach ((string name, float[] values) in new[] { ("C", parameters.C), ("W1", parameters.W1), ("W2", parameters.W2), ("b2", parameters.B2) })
            {
                Assert.Equal(expected[name].Count, values.Length);
                Assert.True(expected[name].Sha256 == Sha256Of(values), $"{name} differs from PyTorch's (first value here {values[0]:R})");
            }

            Assert.Empty(parameters.B1);
        }

        [Fact]
        public void TheLecturesFirstWeightIsPyTorchs()
        {
            // g = torch.Generator().manual_seed(2147483647); torch.randn((27, 10), generator=g)[0, 0] is 1.5674 in the lecture.
            var weights = new float[270];
            new TorchGenerator(2147483647).FillNormal(weights);
            Assert.Equal(1.5673619508743286f, weights[0]);
        }

        [Fact]
        public void AGeneratorRestoredFromItsStateContinuesExactly()
        {
            var generator = new TorchGenerator(2147483647);
            generator.FillNormal(new float[6000]);
            for (int i = 0; i < 1000; i++)
            {
                generator.NextBelow(182625);
            }

            var words = new uint[Mt19937.StateWords];
            int index = generator.CopyState(words);
            TorchGenerator restored = TorchGenerator.FromState(generator.Seed, words, index);
            Assert.Equal(generator.Seed, restored.Seed);
            Assert.Equal(Enumerable.Range(0, 700).Select(_ => generator.NextBelow(182625)), Enumerable.Range(0, 700).Select(_ => restored.NextBelow(182625)));
        }

        [Fact]
        public void AStateNoGeneratorCouldBeInIsRefused()
        {
            var words = new uint[Mt19937.StateWords];
            Assert.Throws<ArgumentException>(() => TorchGenerator.FromState(1, words, 0)); // all zero
            words[5] = 1;
            Assert.Throws<ArgumentException>(() => TorchGenerator.FromState(1, words, 625));
            Assert.Throws<ArgumentException>(() => TorchGenerator.FromState(1, words, -1));
            Assert.Throws<ArgumentException>(() => TorchGenerator.FromState(1, words.AsSpan(1), 0));
            Assert.Throws<ArgumentException>(() => new TorchGenerator(1).CopyState(new uint[10]));
            Assert.Equal(624, TorchGenerator.FromState(1, words, 624).CopyState(new uint[Mt19937.StateWords]));
        }

        [Fact]
        public void OnlyTheSeedsLow32BitsCountAsInPyTorch()
        {
            // PyTorch gives seeds 5 and 5 + 2^32 the same stream; a negative seed is its two's complement (the fixture's -5).
            var low = new TorchGenerator(5);
            var high = new TorchGenerator(5 + (1L << 32));
            Assert.Equal(Enumerable.Range(0, 10).Select(_ => low.NextUInt32()), Enumerable.Range(0, 10).Select(_ => high.NextUInt32()));
        }

        [Fact]
        public void ABoundOfZeroIsRefused()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new TorchGenerator(1).NextBelow(0));
        }

        [Fact]
        public void TheLogarithmIsCloseToTheExactOneOverTheUniformsRange()
        {
            // Every 97th 24-bit uniform's 1 − u, across the logarithm's whole domain in torch.randn: within 2 float ulps of ln.
            for (int k = 1; k <= 1 << 24; k += 97)
            {
                float x = k / 16777216f;
                double exact = Math.Log(x);
                Assert.True(Math.Abs(TorchFloatMath.Log(x) - exact) <= 2 * Ulp((float)exact) + 1e-12, $"ln {x:R}");
            }

            Assert.Equal(0f, TorchFloatMath.Log(1f));
        }

        [Fact]
        public void SineAndCosineAreCloseToExactOverTheAngleRange()
        {
            for (int k = 0; k < 1 << 24; k += 89)
            {
                float theta = (float)(2.0 * Math.PI) * (k / 16777216f);
                (float sine, float cosine) = TorchFloatMath.SinCos(theta);
                Assert.True(Math.Abs(sine - Math.Sin(theta)) <= 2e-7, $"sin {theta:R}");
                Assert.True(Math.Abs(cosine - Math.Cos(theta)) <= 2e-7, $"cos {theta:R}");
            }
        }

        [Fact]
        public void SoftwareFusedMultiplyAddRoundsOnceLikeTheInstruction()
        {
            var rng = new Pcg32(11);
            float Next() => (float)(rng.NextGaussian() * Math.Pow(2, (int)rng.NextUInt32(20) - 10));
            for (int i = 0; i < 200_000; i++)
            {
                float a = Next(), b = Next(), c = Next();
                Assert.Equal(FloatBits(MathF.FusedMultiplyAdd(a, b, c)), FloatBits(TorchFloatMath.SoftwareFusedMultiplyAdd(a, b, c)));
            }

            // (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24 lies exactly halfway between two floats; ±2^-60 moves the exact sum off
            // that midpoint, but a double cannot hold the difference, so rounding to double first lands on the midpoint.
            float near = 1f + MathF.Pow(2, -12);
            float tiny = MathF.Pow(2, -60);
            var midpointCases = new[] { (near, near, tiny), (near, near, -tiny), (-near, near, -tiny), (-near, near, tiny) };
            foreach ((float a, float b, float c) in midpointCases)
            {
                Assert.Equal(FloatBits(MathF.FusedMultiplyAdd(a, b, c)), FloatBits(TorchFloatMath.SoftwareFusedMultiplyAdd(a, b, c)));
            }

            // Rounding through double alone gets some of them wrong: the cases test the correction.
            Assert.Contains(midpointCases, m => FloatBits((float)(((double)m.Item1 * m.Item2) + m.Item3)) != FloatBits(MathF.FusedMultiplyAdd(m.Item1, m.Item2, m.Item3)));
        }

        private static string Sha256Of(float[] values)
        {
            byte[] bytes = values.SelectMany(v => BitConverter.GetBytes(FloatBits(v))).ToArray();
            using var sha = System.Security.Cryptography.SHA256.Create();
            return string.Concat(sha.ComputeHash(bytes).Select(b => b.ToString("x2", CultureInfo.InvariantCulture)));
        }

        private static double Ulp(float value) => Math.Max(Math.Abs(value) * Math.Pow(2, -23), float.Epsilon);

        private static uint FloatBits(float value) => BitConverter.ToUInt32(BitConverter.GetBytes(value), 0);

        private static float BitsFloat(ulong bits) => BitConverter.ToSingle(BitConverter.GetBytes((uint)bits), 0);

        private sealed class Draw
        {
            public uint? Bound { get; set; }

            public ulong[] Values { get; set; } = Array.Empty<ulong>();
        }

        private static Dictionary<long, List<Draw>> ReadFixture()
        {
            var runs = new Dictionary<long, List<Draw>>();
            List<Draw>? current = null;
            Draw? draw = null;
            var values = new List<ulong>();
            void Finish()
            {
                if (draw != null)
                {
                    draw.Values = values.ToArray();
                    values.Clear();
                }
            }

            foreach (string line in File.ReadAllLines(RepositoryFiles.PathOf("tests", "reference", "torch_generator_reference.txt")))
            {
                string[] fields = line.Split(' ');
                if (line.StartsWith("#", StringComparison.Ordinal) || fields[0] == "init")
                {
                    continue;
                }

                if (fields[0] == "seed" || fields[0] == "randn" || fields[0] == "randint")
                {
                    Finish();
                    draw = null;
                }

                switch (fields[0])
                {
                    case "seed" when fields.Length == 2:
                        runs[long.Parse(fields[1], CultureInfo.InvariantCulture)] = current = new List<Draw>();
                        break;
                    case "seed":
                        current = null;
                        break;
                    case "randn":
                        current!.Add(draw = new Draw());
                        break;
                    case "randint":
                        current!.Add(draw = new Draw { Bound = uint.Parse(fields[1], CultureInfo.InvariantCulture) });
                        break;
                    default:
                        values.AddRange(fields.Select(f => draw!.Bound is null ? ulong.Parse(f, NumberStyles.HexNumber, CultureInfo.InvariantCulture) : ulong.Parse(f, CultureInfo.InvariantCulture)));
                        break;
                }
            }

            Finish();
            return runs;
        }
    }
}
