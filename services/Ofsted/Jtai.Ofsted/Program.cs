using Jtai.Inspectorate;
using Jtai.Inspectorate.FollowUp;
using Jtai.Ofsted;
using Jtai.Ofsted.Data;
using Jtai.Ofsted.FollowUp;
using Jtai.ServiceDefaults;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults(OfstedService.Name);
builder.AddInspectorate<OfstedDbContext>(OfstedService.Name, bus => bus.AddFollowUpConsumers<PriorityActionIdentifiedConsumer>());
builder.AddFollowUp();

var app = builder.Build();
app.MapServiceDefaults();
app.MapInspectorate(OfstedService.Name);
app.MapFollowUp();
app.Run();
