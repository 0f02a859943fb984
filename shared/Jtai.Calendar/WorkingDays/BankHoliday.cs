namespace Jtai.Calendar.WorkingDays;

/// <summary>A day that is not a working day in England although it falls on a weekday.</summary>
public sealed record BankHoliday(DateOnly Date, string Name);

/// <summary>
/// A departure from the rules, announced by proclamation: adds <see cref="Date"/> as a holiday and,
/// when <see cref="Replaces"/> is set, removes the rule's day it replaces (2022's spring holiday moved
/// from 30 May to 2 June). A change with only <see cref="Replaces"/> cancels a rule's day.
/// </summary>
public sealed record BankHolidayChange(DateOnly? Date, DateOnly? Replaces, string Name);
