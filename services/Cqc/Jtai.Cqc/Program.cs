using Jtai.Inspectorate;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Intelligence;
using Jtai.Inspectorate.Notification;
using Jtai.Cqc.Notification;
using Jtai.Cqc;
using Jtai.Cqc.Data;
using Jtai.Cqc.Intelligence;
using Jtai.Cqc.FollowUp;
using Jtai.ServiceDefaults;
using Jtai.Messaging.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(CqcService.Name);
builder.AddInspectorate<CqcDbContext>(CqcService.Name, bus => bus.AddFollowUpConsumers<PriorityActionIdentifiedConsumer>());
builder.AddFollowUp();
builder.AddIntelligence(CqcProgrammes.Keys);
builder.AddNotificationFanOut(CqcNotification.Recipients);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(CqcService.Name);
app.MapFollowUp();
app.RunOrMigrate();
