using Jtai.Inspectorate;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.InformationExchange;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name);
builder.AddInformationExchange();

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.MapInformationExchange();
app.Run();
