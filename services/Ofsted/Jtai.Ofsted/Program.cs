using Jtai.Inspectorate;
using Jtai.Inspectorate.Notification;
using Jtai.Ofsted.Notification;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name);
builder.AddNotificationFanOut(OfstedNotification.Recipients, OfstedNotification.AskedToNotify);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.Run();
