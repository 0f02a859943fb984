using Jtai.Inspectorate;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Notification;
using Jtai.Ofsted.Notification;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.IssuesOfConcern;
using Jtai.Ofsted.SharedRecord;
using Jtai.Ofsted.InformationExchange;
using Jtai.Ofsted.FollowUp;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddSharedRecord();
builder.AddIssuesOfConcern();
builder.AddInformationExchange();
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name, bus => bus.AddFollowUpConsumers<PriorityActionIdentifiedConsumer>());
builder.AddFollowUp();
builder.AddNotificationFanOut(OfstedNotification.Recipients, OfstedNotification.AskedToNotify);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.MapSharedRecord();
app.MapIssuesOfConcern();
app.MapInformationExchange();
app.MapFollowUp();
app.Run();
