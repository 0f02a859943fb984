using Jtai.Benchmarks;

// tests/benchmarks/annex-a.sh [rows] [runs]: figures for the information exchange's Annex A upload.
// WebApplicationFactory reads MvcTestingAppManifest.json (where each service's content root is) from the working directory.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var rows = args.Length > 0 ? int.Parse(args[0]) : 50_000;
var runs = args.Length > 1 ? int.Parse(args[1]) : 3;
return await AnnexABenchmark.Run(rows, runs);
