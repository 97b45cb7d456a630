using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;

namespace MakemorePS.Core
{
    /// <summary>
    /// The names list embedded in this library (the 2018 US Social Security Administration baby names, lower-case, one per
    /// line, girls' then boys' names in rank order), so every feature works with no input. Loaded once, on first use.
    /// </summary>
    public static class BundledNames
    {
        /// <summary>The name of the embedded resource that holds the list.</summary>
        public const string ResourceName = "MakemorePS.Core.Data.names.txt";

        /// <summary>The source name that rejections and messages use for the bundled list.</summary>
        public const string SourceName = "bundled names";

        private static readonly Lazy<Loaded> s_loaded = new Lazy<Loaded>(Load, LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Every name in file order, duplicates kept (a name given to girls and boys appears twice).</summary>
        public static IReadOnlyList<string> Names => s_loaded.Value.Names;

        /// <summary>The bigram counts of <see cref="Names"/>.</summary>
        public static BigramCounts Counts => s_loaded.Value.Corpus.Counts;

        /// <summary>The counts with the distinct names, ready to make a model.</summary>
        public static NameCorpus Corpus => s_loaded.Value.Corpus;

        /// <summary>Opens the embedded list as a UTF-8 stream (the caller disposes it).</summary>
        public static Stream OpenStream() =>
            typeof(BundledNames).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded resource '{ResourceName}' is missing from {typeof(BundledNames).Assembly.GetName().Name}; the library was built without its names list.");

        private static Loaded Load()
        {
            byte[] bytes;
            using (Stream stream = OpenStream())
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                bytes = buffer.ToArray();
            }

            var counter = new BigramCounter(new CountingOptions { CollectNames = true });
            counter.AddUtf8(bytes, SourceName);
            if (counter.RejectedCount > 0)
            {
                throw new InvalidOperationException($"The bundled names list is damaged: {counter.Rejections[0]}");
            }

            var names = new List<string>((int)counter.NameCount);
            using (var reader = new StreamReader(new MemoryStream(bytes), System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (NameNormalizer.TryNormalize(line, lowerCase: false, out string? name))
                    {
                        names.Add(name!);
                    }
                }
            }

            return new Loaded(names.AsReadOnly(), counter.ToCorpus());
        }

        private sealed class Loaded
        {
            public Loaded(IReadOnlyList<string> names, NameCorpus corpus)
            {
                Names = names;
                Corpus = corpus;
            }

            public IReadOnlyList<string> Names { get; }

            public NameCorpus Corpus { get; }
        }
    }
}
