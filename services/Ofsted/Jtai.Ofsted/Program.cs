using Jtai.Inspectorate;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.Run();
