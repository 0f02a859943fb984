using Jtai.Messaging;
using Jtai.Notices.Delivery;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Jtai.Notices.Channels;

/// <summary>Plain SMTP through MailKit: smtp4dev in development and tests, or an organisation's relay.</summary>
internal sealed class SmtpNoticeChannel(IOptions<NoticeOptions> options, ServiceIdentity service) : INoticeChannel
{
    private readonly SmtpChannelOptions _smtp = options.Value.Smtp;

    public string Name => NoticeOptions.SmtpChannel;

    public async Task<string?> Send(NoticeDelivery delivery, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(_smtp.FromName ?? $"JTAI ({service.Name})", _smtp.From ?? $"{service.Name}@jtai.localhost"));
        message.To.Add(new MailboxAddress(delivery.RecipientName ?? "", delivery.RecipientAddress));
        message.Subject = delivery.Subject;
        // Stable per delivery, so a resend after a lost commit can be recognised by the receiver.
        message.MessageId = $"{delivery.Id:N}@jtai.{service.Name}";
        message.Headers.Add("X-Jtai-Delivery", delivery.Id.ToString());
        message.Headers.Add("X-Jtai-Notice", delivery.Notice);
        message.Body = new TextPart("plain") { Text = delivery.Body };

        using var client = new SmtpClient { Timeout = (int)_smtp.Timeout.TotalMilliseconds };
        await client.ConnectAsync(_smtp.Host, _smtp.Port, Security(_smtp.Security), ct);
        if (!string.IsNullOrEmpty(_smtp.UserName)) await client.AuthenticateAsync(_smtp.UserName, _smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return message.MessageId;
    }

    internal static SecureSocketOptions Security(string value) => value.ToLowerInvariant() switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "ssl-on-connect" => SecureSocketOptions.SslOnConnect,
        "auto" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Notices:Smtp:Security '{value}' is not one of none, starttls, ssl-on-connect, auto."),
    };
}
