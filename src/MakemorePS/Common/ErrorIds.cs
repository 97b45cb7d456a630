namespace MakemorePS.Common
{
    /// <summary>The stable error identifiers the cmdlets report (FullyQualifiedErrorId starts with one of these).</summary>
    internal static class ErrorIds
    {
        internal const string NoInputNames = "NoInputNames";
        internal const string InvalidName = "InvalidName";
        internal const string PathNotFound = "PathNotFound";
        internal const string PathIsDirectory = "PathIsDirectory";
        internal const string DirectoryNotFound = "DirectoryNotFound";
        internal const string NotFileSystemPath = "NotFileSystemPath";
        internal const string FileReadFailed = "FileReadFailed";
        internal const string FileWriteFailed = "FileWriteFailed";
        internal const string TrainingDiverged = "TrainingDiverged";
        internal const string InvalidTrainingSetting = "InvalidTrainingSetting";
        internal const string UnknownCharacter = "UnknownCharacter";
        internal const string NoNovelNames = "NoNovelNames";
        internal const string PrefixTooLong = "PrefixTooLong";
        internal const string FileExists = "FileExists";
        internal const string FileReadOnly = "FileReadOnly";
        internal const string AmbiguousPath = "AmbiguousPath";
        internal const string InvalidModelFile = "InvalidModelFile";
        internal const string VocabularyMismatch = "VocabularyMismatch";
        internal const string CheckpointFailed = "CheckpointFailed";
        internal const string OnlyEmptyNames = "OnlyEmptyNames";
        internal const string PathConflict = "PathConflict";
        internal const string InvalidSplit = "InvalidSplit";
        internal const string NoChartData = "NoChartData";
        internal const string InvalidChartInput = "InvalidChartInput";
        internal const string PipelineInputNotAccepted = "PipelineInputNotAccepted";
        internal const string BigramModelRequired = "BigramModelRequired";
    }
}
