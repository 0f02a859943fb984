using Jtai.Calendar;
using Jtai.Messaging;
using Jtai.Messaging.Data;
using Jtai.Orchestrator;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Evidence;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.InformationRequests;
using Jtai.Orchestrator.FollowUp;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Deferral;
using Jtai.Orchestrator.Frameworks;
using Jtai.Orchestrator.Lifecycle;
using Jtai.Orchestrator.Operations;
using Jtai.Orchestrator.Team;
using Jtai.Orchestrator.Timeline;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OrchestratorService.Name);
builder.AddJtaiData<OrchestratorDbContext>("Orchestrator");
builder.AddJtaiMessaging(OrchestratorService.Name, bus =>
{
    bus.AddInformationRequestConsumers();
    bus.AddFollowUpSummaryConsumers();
    bus.AddTimelineConsumers();
});
builder.AddOperations();
builder.AddJtaiCalendar();
builder.AddEvidenceCompleteness();
builder.AddFindings();
builder.AddLifecycle();

var app = builder.Build();
app.MapServiceDefaults();
app.MapJtaiMessaging();
app.MapInspectionsApi();
app.MapOperationsApi();
app.MapEvidenceCompleteness();
app.MapFindings();
app.MapInformationRequests();
app.MapFollowUpSummaryApi();
app.MapFrameworksApi();
app.MapLifecycleApi();
app.MapDeferralApi();
app.MapTeamApi();
app.MapTimelineApi();
app.Run();
