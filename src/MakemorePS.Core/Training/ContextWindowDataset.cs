using System;
using System.Collections.Generic;

namespace MakemorePS.Core
{
    /// <summary>
    /// The examples of a context-window language model, as makemore part 2 builds X and Y: for each name, the context
    /// starts as <see cref="BlockSize"/> boundary tokens; every symbol of the name and then the closing '.' is a target,
    /// and after each target the context shifts left by one and takes that target in.
    /// </summary>
    /// <remarks>A name of L symbols gives L + 1 examples. Immutable after construction.</remarks>
    public sealed class ContextWindowDataset
    {
        private readonly int[] _contexts;
        private readonly int[] _targets;

        private ContextWindowDataset(Vocabulary vocabulary, int blockSize, int[] contexts, int[] targets, int nameCount)
        {
            Vocabulary = vocabulary;
            BlockSize = blockSize;
            _contexts = contexts;
            _targets = targets;
            NameCount = nameCount;
        }

        /// <summary>The symbols the indices refer to.</summary>
        public Vocabulary Vocabulary { get; }

        /// <summary>B, the symbols of each context.</summary>
        public int BlockSize { get; }

        /// <summary>The number of examples (positions).</summary>
        public int Count => _targets.Length;

        /// <summary>The number of names the examples came from.</summary>
        public int NameCount { get; }

        /// <summary>X: Count × BlockSize symbol indices, row-major, oldest symbol first.</summary>
        public ReadOnlySpan<int> Contexts => _contexts;

        /// <summary>Y: the index of the symbol that follows each context.</summary>
        public ReadOnlySpan<int> Targets => _targets;

        /// <summary>The context of example <paramref name="index"/>.</summary>
        public ReadOnlySpan<int> GetContext(int index) => _contexts.AsSpan(index * BlockSize, BlockSize);

        /// <summary>Builds the examples of <paramref name="names"/>.</summary>
        /// <param name="names">The names, each made of <paramref name="vocabulary"/>'s symbols.</param>
        /// <param name="vocabulary">The symbols.</param>
        /// <param name="blockSize">B ≥ 1.</param>
        /// <param name="onRejectedName">
        /// Receives the <see cref="UnknownCharacterException"/> or <see cref="InvalidNameException"/> of each name left out
        /// (the others are still used); without it the first such exception is thrown.
        /// </param>
        public static ContextWindowDataset Create(IEnumerable<string> names, Vocabulary vocabulary, int blockSize, Action<Exception>? onRejectedName = null)
        {
            if (names is null)
            {
                throw new ArgumentNullException(nameof(names));
            }

            if (vocabulary is null)
            {
                throw new ArgumentNullException(nameof(vocabulary));
            }

            if (blockSize < 1)
            {
                throw new ArgumentOutOfRangeException(nameof(blockSize), blockSize, "The block size must be at least 1.");
            }

            var contexts = new List<int>();
            var targets = new List<int>();
            var indices = new List<int>();
            var window = new int[blockSize];
            int nameCount = 0;
            foreach (string name in names)
            {
                Exception? error = Encode(name, vocabulary, indices);
                if (error != null)
                {
                    if (onRejectedName is null)
                    {
                        throw error;
                    }

                    onRejectedName(error);
                    continue;
                }

                nameCount++;
                Array.Clear(window, 0, blockSize);
                for (int k = 0; k <= indices.Count; k++)
                {
                    int target = k < indices.Count ? indices[k] : Vocabulary.BoundaryIndex;
                    contexts.AddRange(window);
                    targets.Add(target);
                    Array.Copy(window, 1, window, 0, blockSize - 1);
                    window[blockSize - 1] = target;
                }
            }

            return new ContextWindowDataset(vocabulary, blockSize, contexts.ToArray(), targets.ToArray(), nameCount);
        }

        private static Exception? Encode(string name, Vocabulary vocabulary, List<int> indices)
        {
            if (name is null)
            {
                return new InvalidNameException(string.Empty, InvalidNameReason.Empty, "A name is null; give text.");
            }

            try
            {
                NameNormalizer.Validate(name);
            }
            catch (InvalidNameException invalid)
            {
                return invalid;
            }

            return vocabulary.TryEncode(name, indices, out string? unknown) ? null : new UnknownCharacterException(name, unknown!);
        }
    }
}
