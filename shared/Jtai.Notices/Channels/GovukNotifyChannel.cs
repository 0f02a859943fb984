using System.Text.Json;
using Jtai.Notices.Delivery;
using Microsoft.Extensions.Options;
using Notify.Client;

namespace Jtai.Notices.Channels;

/// <summary>
/// GOV.UK Notify, the government's notification service, in production. Each notice kind has its
/// template (configured by id); the template receives the notice's subject, body, recipient name
/// and its own named values as personalisation, and the delivery id as the client reference.
/// </summary>
internal sealed class GovukNotifyChannel(IOptions<NoticeOptions> options) : INoticeChannel
{
    private readonly GovukNotifyChannelOptions _notify = options.Value.GovukNotify;
    private NotificationClient? _client;

    public string Name => NoticeOptions.GovukNotifyChannel;

    public async Task<string?> Send(NoticeDelivery delivery, CancellationToken ct)
    {
        var template = _notify.Templates.GetValueOrDefault(delivery.Notice)
            ?? throw new InvalidOperationException($"No GOV.UK Notify template configured for notice '{delivery.Notice}'.");
        var personalisation = new Dictionary<string, dynamic>(StringComparer.Ordinal)
        {
            ["subject"] = delivery.Subject,
            ["body"] = delivery.Body,
            ["recipient_name"] = delivery.RecipientName ?? "",
        };
        foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(delivery.Personalisation) ?? [])
            personalisation[key] = value;
        _client ??= _notify.BaseUrl is { Length: > 0 } url ? new NotificationClient(url, _notify.ApiKey) : new NotificationClient(_notify.ApiKey);
        ct.ThrowIfCancellationRequested();
        var response = await _client.SendEmailAsync(delivery.RecipientAddress, template, personalisation, delivery.Id.ToString(), _notify.EmailReplyToId);
        return response.id;
    }
}
