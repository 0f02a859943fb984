using System.Net.Mail;
using System.Security.Claims;
using Jtai.Inspectorate.Data;
using Jtai.Notices.Delivery;
using Jtai.ServiceDefaults.Problems;
using Jtai.ServiceDefaults.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Jtai.ServiceDefaults.Access;

namespace Jtai.Inspectorate.Notification;

public sealed record AreaContactRequest(string? Name, string? Email);

public static class NotificationApi
{
    /// <summary>This inspectorate's area contacts and whom it notified, for its own staff.</summary>
    public static IEndpointRouteBuilder MapNotificationApi(this IEndpointRouteBuilder app, string inspectorate)
    {
        var rule = Rules.StaffOf(inspectorate);
        var areas = app.MapGroup($"/api/{inspectorate}/areas/{{localAreaCode}}/contacts").WithTags("Notification").RequireStanding(rule);
        areas.MapGet("/", Contacts);
        areas.MapPut("/{role}", SetContact);
        app.MapGet($"/api/{inspectorate}/inspections/{{inspectionId:guid}}/notifications", Notifications)
            .WithTags("Notification").RequireStanding(Rules.StaffOfOnInspection(inspectorate));
        return app;
    }

    private static async Task<Ok<List<AreaContactView>>> Contacts(string localAreaCode, InspectorateDbContext db, CancellationToken ct)
    {
        var code = localAreaCode.Trim().ToUpperInvariant();
        var contacts = await db.Set<AreaContact>().AsNoTracking().Where(c => c.LocalAreaCode == code).OrderBy(c => c.Role).ToListAsync(ct);
        return TypedResults.Ok(contacts.Select(AreaContactView.From).ToList());
    }

    private static async Task<Results<Ok<AreaContactView>, ValidationProblem>> SetContact(
        string localAreaCode, string role, AreaContactRequest request, ClaimsPrincipal user, InspectorateDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var errors = new RequestErrors();
        var code = localAreaCode.Trim().ToUpperInvariant();
        if (code.Length is < 9 or > 20) errors.Add("localAreaCode", "'localAreaCode' must be the local authority's ONS code, e.g. E08000025.");
        errors.OneOf(role, ContactRoles.All, "role");
        if (errors.Required(request.Name, "name")) errors.MaxLength(request.Name, 200, "name");
        if (errors.Required(request.Email, "email") && (request.Email.Length > 320 || !MailAddress.TryCreate(request.Email.Trim(), out _)))
            errors.Add("email", "'email' must be an email address.");
        if (errors.Any) return TypedResults.ValidationProblem(errors.ToDictionary());

        var contact = await db.Set<AreaContact>().SingleOrDefaultAsync(c => c.LocalAreaCode == code && c.Role == role, ct);
        if (contact is null) db.Add(contact = new AreaContact { LocalAreaCode = code, Role = role, Name = "", Email = "", UpdatedBy = "" });
        contact.Name = request.Name!.Trim();
        contact.Email = request.Email!.Trim();
        contact.UpdatedAt = clock.GetUtcNow();
        contact.UpdatedBy = user.Id();
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(AreaContactView.From(contact));
    }

    private static async Task<Results<Ok<List<InspectionNotificationView>>, NotFound>> Notifications(Guid inspectionId, InspectorateDbContext db, CancellationToken ct)
    {
        if (!await db.Inspections.AnyAsync(i => i.InspectionId == inspectionId, ct)) return TypedResults.NotFound();
        var sent = await db.Set<InspectionNotification>().AsNoTracking().Where(n => n.InspectionId == inspectionId).OrderBy(n => n.Id).ToListAsync(ct);
        var ids = sent.Where(n => n.DeliveryId is not null).Select(n => n.DeliveryId!.Value).ToList();
        var deliveries = await db.Set<NoticeDelivery>().AsNoTracking().Where(d => ids.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return TypedResults.Ok(sent.Select(n => InspectionNotificationView.From(n, n.DeliveryId is { } id ? deliveries.GetValueOrDefault(id) : null)).ToList());
    }
}
