using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using static MakemorePS.Core.ModelJson;

namespace MakemorePS.Core
{
    /// <summary>
    /// Records stored column by column, the compact way a model file keeps many of them: an object with one array per
    /// field, all of the same length. Reads them with refusals that name the place ("lossHistory.loss"[12]).
    /// </summary>
    internal sealed class JsonColumns
    {
        private readonly Dictionary<string, JsonElement[]> _columns = new Dictionary<string, JsonElement[]>();
        private readonly string _where;

        private JsonColumns(string where) => _where = where;

        /// <summary>The number of records.</summary>
        internal int Count { get; private set; }

        /// <summary>
        /// The records of <paramref name="property"/> of <paramref name="root"/>, or none when it is absent (a file written
        /// before it existed) or null.
        /// </summary>
        /// <exception cref="ModelFormatException">It is not an object, a column is missing or not an array, or the columns differ in length.</exception>
        internal static JsonColumns Read(JsonElement root, string property, params string[] columns)
        {
            var table = new JsonColumns(property);
            if (!root.TryGetProperty(property, out JsonElement element) || element.ValueKind == JsonValueKind.Null)
            {
                return table;
            }

            if (element.ValueKind != JsonValueKind.Object)
            {
                throw new ModelFormatException($"\"{property}\" is {Describe(element.ValueKind)}; it must be an object of arrays.");
            }

            for (int i = 0; i < columns.Length; i++)
            {
                JsonElement[] values = Required(element, columns[i], JsonValueKind.Array, property).EnumerateArray().ToArray();
                if (i > 0 && values.Length != table.Count)
                {
                    throw new ModelFormatException($"\"{property}.{columns[i]}\" has {values.Length} values but \"{property}.{columns[0]}\" has {table.Count}; every column needs one value per record.");
                }

                table.Count = values.Length;
                table._columns.Add(columns[i], values);
            }

            return table;
        }

        /// <summary>A step number from <paramref name="minimum"/> to <paramref name="last"/>, the model's step count.</summary>
        internal int Step(string column, int row, int minimum, int last)
        {
            JsonElement element = _columns[column][row];
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int step) || step < minimum || step > last)
            {
                throw new ModelFormatException($"{Name(column, row)} is {element.GetRawText()}; it must be a whole number from {minimum} to {last}: steps are in order, and the model has taken {last}.");
            }

            return step;
        }

        /// <summary>A number (NaN and infinities written as text).</summary>
        internal double Real(string column, int row) => ReadRealValue(_columns[column][row], Name(column, row));

        /// <summary>A number, or null.</summary>
        internal double? OptionalReal(string column, int row)
        {
            JsonElement element = _columns[column][row];
            return element.ValueKind == JsonValueKind.Null ? (double?)null : ReadRealValue(element, Name(column, row));
        }

        /// <summary>A float32 number.</summary>
        internal float Single(string column, int row)
        {
            JsonElement element = _columns[column][row];
            return element.ValueKind == JsonValueKind.Number && element.TryGetSingle(out float value)
                ? value
                : throw new ModelFormatException($"{Name(column, row)} is {element.GetRawText()}; it must be a number.");
        }

        /// <summary>A string that is not empty.</summary>
        internal string Text(string column, int row)
        {
            JsonElement element = _columns[column][row];
            string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
            return string.IsNullOrEmpty(text)
                ? throw new ModelFormatException($"{Name(column, row)} is {element.GetRawText()}; it must be a name.")
                : text!;
        }

        private string Name(string column, int row) => $"\"{_where}.{column}\"[{row}]";
    }
}
