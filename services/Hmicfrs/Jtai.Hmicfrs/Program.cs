using Jtai.Inspectorate;
using Jtai.Hmicfrs;
using Jtai.Hmicfrs.Data;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(HmicfrsService.Name);
builder.AddInspectorate<HmicfrsDbContext>(HmicfrsService.Name);

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(HmicfrsService.Name);
app.Run();
