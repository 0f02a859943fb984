namespace Jtai.Inspectorate.FollowUp;

/// <summary>Configuration section "FollowUp" of each inspectorate service.</summary>
public sealed class FollowUpOptions
{
    public const string Section = "FollowUp";

    /// <summary>How many working days before a follow-up deadline its reminder falls.</summary>
    public int ReminderWorkingDays { get; set; } = 5;

    /// <summary>Bank holidays in England the working-day count skips (FollowUp:BankHolidays:0 = "2026-12-25", ...).</summary>
    public DateOnly[] BankHolidays { get; set; } = [];
}
