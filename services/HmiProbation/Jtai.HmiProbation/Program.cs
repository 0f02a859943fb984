using Jtai.HmiProbation;
using Jtai.HmiProbation.Data;
using Jtai.HmiProbation.FollowUp;
using Jtai.HmiProbation.Intelligence;
using Jtai.HmiProbation.Notification;
using Jtai.Inspectorate;
using Jtai.Inspectorate.FollowUp;
using Jtai.Inspectorate.Intelligence;
using Jtai.Inspectorate.Notification;
using Jtai.ServiceDefaults;
using Jtai.Messaging.Data;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(HmiProbationService.Name);
builder.AddInspectorate<HmiProbationDbContext>(HmiProbationService.Name, bus => bus.AddFollowUpConsumers<PriorityActionIdentifiedConsumer>());
builder.AddFollowUp();
builder.AddIntelligence(HmiProbationProgrammes.Keys);
builder.AddNotificationFanOut(HmiProbationNotification.Recipients);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(HmiProbationService.Name);
app.MapFollowUp();
app.RunOrMigrate();
