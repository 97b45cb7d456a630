using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using Xunit;

namespace MakemorePS.Core.Tests
{
    /// <summary>
    /// The trainer against PyTorch: tests/reference/mlp_reference.py rebuilds the same split, initial weights and
    /// mini-batch indices from PCG32 without any C# code, runs the lecture's loop with autograd, and commits the first
    /// 1,000 losses as tests/reference/mlp_reference_losses.txt.
    /// </summary>
    public class MlpReferenceAgreementTests
    {
        [Fact]
        public void TheFirstThousandLossesAgreeWithPyTorchWithin1e4()
        {
            double[] expected = ReadFixture();
            Assert.Equal(1000, expected.Length);

            var losses = new List<double>();
            MlpTrainer.Train(NameSplit.Create(BundledNames.Names).Train, new MlpTrainingOptions { Steps = 1000 }, null, record => losses.Add(record.Loss));
            double worst = expected.Zip(losses, (e, a) => Math.Abs(e - a)).Max();
            Assert.True(worst <= 1e-4, $"largest |C# − PyTorch| over 1,000 steps: {worst:E3}");

            // The losses move (so agreement is not a constant), from about ln 27 down.
            Assert.InRange(expected[0], 3.2, 3.4);
            Assert.True(expected.Skip(900).Average() < expected.Take(10).Average() - 0.5);
        }

        private static double[] ReadFixture()
        {
            return File.ReadAllLines(RepositoryFiles.PathOf("tests", "reference", "mlp_reference_losses.txt"))
                .Where(line => line.Length > 0 && line[0] != '#')
                .Select(line => double.Parse(line, CultureInfo.InvariantCulture))
                .ToArray();
        }
    }
}
