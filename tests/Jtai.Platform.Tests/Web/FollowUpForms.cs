using System.Globalization;
using Microsoft.Playwright;
using Xunit;

namespace Jtai.Platform.Tests.Web;

/// <summary>The follow-up step forms as the browser tests fill them, whichever inspectorate's follow-up it is.</summary>
internal static class FollowUpForms
{
    /// <summary>From the follow-up page: a step's link, its form filled, sent, and the page's banner saying it is done.</summary>
    public static async Task TakeStep(IPage page, string link, string button, string done, Func<Task> fill)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = link, Exact = true }).ClickAsync();
        await fill();
        await page.GetByRole(AriaRole.Button, new() { Name = button, Exact = true }).ClickAsync();
        Assert.Contains(done, await page.Locator(".govuk-notification-banner").InnerTextAsync());
    }

    public static Task<string> ErrorSummary(IPage page) => page.Locator(".govuk-error-summary").InnerTextAsync();

    public static Task FillDate(IPage page, string id, DateOnly date) => FillDate(page, id,
        date.Day.ToString(CultureInfo.InvariantCulture), date.Month.ToString(CultureInfo.InvariantCulture), date.Year.ToString(CultureInfo.InvariantCulture));

    public static async Task FillDate(IPage page, string id, string day, string month, string year)
    {
        await page.Locator($"#{id}-day").FillAsync(day);
        await page.Locator($"#{id}-month").FillAsync(month);
        await page.Locator($"#{id}-year").FillAsync(year);
    }
}
