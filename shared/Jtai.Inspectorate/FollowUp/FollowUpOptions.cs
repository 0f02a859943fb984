namespace Jtai.Inspectorate.FollowUp;

/// <summary>Configuration section "FollowUp" of each inspectorate service.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>How many working days before a follow-up deadline its reminder falls.</summary>
    public int ReminderWorkingDays { get; set; } = 5;
}
