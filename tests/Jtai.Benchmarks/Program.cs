using Jtai.Benchmarks;

// tests/benchmarks/annex-a.sh [rows] [runs]: figures for the information exchange's Annex A upload.
// tests/benchmarks/summary-page.sh [inspections] [requests]: the web's inspection summary page.
// WebApplicationFactory reads MvcTestingAppManifest.json (where each service's content root is) from the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
if (args.Length > 0 && args[0] == "summary-page")
    return await SummaryPageBenchmark.Run(
        args.Length > 1 ? int.Parse(args[1]) : 1000,
        args.Length > 2 ? int.Parse(args[2]) : 200);
var rows = args.Length > 0 ? int.Parse(args[0]) : 50_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 3;
return await AnnexABenchmark.Run(rows, runs);
