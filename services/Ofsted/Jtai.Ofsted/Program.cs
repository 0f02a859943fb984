using Jtai.Inspectorate;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.IssuesOfConcern;
using Jtai.Ofsted.SharedRecord;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name);
builder.AddSharedRecord();
builder.AddIssuesOfConcern();

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.MapSharedRecord();
app.MapIssuesOfConcern();
app.Run();
