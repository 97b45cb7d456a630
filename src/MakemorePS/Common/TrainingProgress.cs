using System.Diagnostics;
using System.Management.Automation;

namespace MakemorePS.Common
{
    /// <summary>
    /// The progress bar of a training cmdlet: written at most every 0.1 s (a step can take microseconds, and each
    /// record costs the host far more) and always at the last step, then completed. Every write is a new record, as a
    /// host that keeps the records (such as the Progress stream of a PowerShell object) holds on to each one.
    /// </summary>
    internal sealed class TrainingProgress
    {
        private static readonly long IntervalTicks = Stopwatch.Frequency / 10;

        private readonly PSCmdlet _cmdlet;
        private readonly int _activityId;
        private readonly string _activity;
        private readonly int _total;
        private long _lastWritten;
        private ProgressRecord _last;

        /// <summary>Starts the bar of <paramref name="activity"/>, which ends at step <paramref name="total"/>.</summary>
        internal TrainingProgress(PSCmdlet cmdlet, int activityId, string activity, int total)
        {
            _cmdlet = cmdlet;
            _activityId = activityId;
            _activity = activity;
            _total = total;
            _last = new ProgressRecord(activityId, activity, "Starting");
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
            _last = new ProgressRecord(_activityId, _activity, status)
            {
                PercentComplete = _total == 0 ? 100 : (int)(100L * step / _total),
            };
            _cmdlet.WriteProgress(_last);
        }

        /// <summary>Removes the bar: training has ended. The record repeats the last status.</summary>
        internal void Complete()
        {
            _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, _last.StatusDescription)
            {
                PercentComplete = _last.PercentComplete,
                RecordType = ProgressRecordType.Completed,
            });
        }
    }
}
