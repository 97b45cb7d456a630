using System.Diagnostics;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>
    /// The progress bar of a training cmdlet: written at most every 0.1 s (a step can take microseconds, and each
    /// record costs the host far more) and always at the last step, then completed.
    /// </summary>
    internal sealed class TrainingProgress
    {
        private static readonly long IntervalTicks = Stopwatch.Frequency / 10;

        private readonly PSCmdlet _cmdlet;
        private readonly ProgressRecord _record;
        private readonly int _total;
        private long _lastWritten;

        /// <summary>Starts the bar of <paramref name="activity"/>, which ends at step <paramref name="total"/>.</summary>
        internal TrainingProgress(PSCmdlet cmdlet, int activityId, string activity, int total)
        {
            _cmdlet = cmdlet;
            _record = new ProgressRecord(activityId, activity, "Starting");
            _total = total;
        }

        /// <summary>Whether to report <paramref name="step"/>: the last step, or the first step 0.1 s after the last report.</summary>
        internal bool IsDue(int step)
        {
            long now = Stopwatch.GetTimestamp();
            if (step != _total && now - _lastWritten < IntervalTicks)
            {
                return false;
            }

            _lastWritten = now;
            return true;
        }

        /// <summary>Shows <paramref name="status"/> and how far <paramref name="step"/> is towards the last step.</summary>
        internal void Write(int step, string status)
        {
            _record.StatusDescription = status;
            _record.PercentComplete = _total == 0 ? 100 : (int)(100L * step / _total);
            _cmdlet.WriteProgress(_record);
        }

        /// <summary>Removes the bar: training has ended.</summary>
        internal void Complete()
        {
            _record.RecordType = ProgressRecordType.Completed;
            _cmdlet.WriteProgress(_record);
        }
    }
}
