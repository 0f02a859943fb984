using Jtai.Calendar;
using Jtai.Messaging;
using Jtai.Messaging.Data;
using Jtai.Orchestrator;
using Jtai.Orchestrator.Data;
using Jtai.Orchestrator.Evidence;
using Jtai.Orchestrator.Findings;
using Jtai.Orchestrator.Inspections;
using Jtai.Orchestrator.Operations;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OrchestratorService.Name);
builder.AddJtaiData<OrchestratorDbContext>("Orchestrator");
builder.AddJtaiMessaging(OrchestratorService.Name);
builder.AddOperations();
builder.AddEvidenceCompleteness();
builder.AddFindings();
builder.AddJtaiCalendar();

var app = builder.Build();
app.MapServiceDefaults();
app.MapJtaiMessaging();
app.MapInspectionsApi();
app.MapOperationsApi();
app.MapEvidenceCompleteness();
app.MapFindings();
app.Run();
