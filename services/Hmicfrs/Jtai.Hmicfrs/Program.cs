using Jtai.Inspectorate;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Intelligence;
using Jtai.Inspectorate.Notification;
using Jtai.Hmicfrs.Notification;
using Jtai.Hmicfrs;
using Jtai.Hmicfrs.Data;
using Jtai.Hmicfrs.Intelligence;
using Jtai.Hmicfrs.FollowUp;
using Jtai.ServiceDefaults;
using Jtai.Messaging.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(HmicfrsService.Name);
builder.AddInspectorate<HmicfrsDbContext>(HmicfrsService.Name, bus => bus.AddFollowUpConsumers<PriorityActionIdentifiedConsumer>());
builder.AddFollowUp();
builder.AddIntelligence(HmicfrsProgrammes.Keys);
builder.AddNotificationFanOut(HmicfrsNotification.Recipients);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(HmicfrsService.Name);
app.MapFollowUp();
app.RunOrMigrate();
