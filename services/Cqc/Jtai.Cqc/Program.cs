using Jtai.Inspectorate;
using Jtai.Cqc;
using Jtai.Cqc.Data;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(CqcService.Name);
builder.AddInspectorate<CqcDbContext>(CqcService.Name);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(CqcService.Name);
app.Run();
