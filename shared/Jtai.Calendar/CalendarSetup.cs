using Jtai.Calendar.Frameworks;
using Jtai.Calendar.Timeline;
using Jtai.Calendar.WorkingDays;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Jtai.Calendar;

public static class CalendarSetup
{
    /// <summary>
    /// England's working days (shipped changes plus Calendar:BankHolidayChangesFile), the
    /// frameworks (shipped plus Calendar:FrameworksDirectory) and the timeline calculator, as
    /// singletons. Read once at start: a bad file stops the service rather than misdating deadlines.
    /// </summary>
    public static IHostApplicationBuilder AddJtaiCalendar(this IHostApplicationBuilder builder)
    {
        var changesFile = builder.Configuration["Calendar:BankHolidayChangesFile"];
        var frameworksDirectory = builder.Configuration["Calendar:FrameworksDirectory"];
        var calendar = WorkingDayCalendar.England(
            string.IsNullOrWhiteSpace(changesFile) ? null : BankHolidayChanges.FromFile(changesFile));
        builder.Services.AddSingleton(calendar);
        builder.Services.AddSingleton(FrameworkCatalog.Load(frameworksDirectory));
        builder.Services.AddSingleton<TimelineCalculator>();
        return builder;
    }
}
