using System.Globalization;

namespace Metrics.FakeForge.Hosting;

/// <summary>Reads the command line of <c>dotnet run --project tests/Metrics.FakeForge -- ...</c>.</summary>
public static class CommandLine
{
    public const string Usage = """
        Usage: dotnet run --project tests/Metrics.FakeForge -- [options]
          --port N                 port on 127.0.0.1 (default 5055)
          --seed N                 world seed (default 42)
          --repos N                generated repositories besides the special ones (default 40)
          --world PATH             load the world from a JSON file (GET /_fake/world writes one)
          --catalog PATH           build the world from a product catalog (seeds/projects.json)
          --push-token TOKEN       a token with push access (sees drafts); repeatable
          --latency-ms N           delay every forge request
          --error-rate X           share of 500/502/503 answers (0..1)
          --truncate-rate X        share of bodies cut short (0..1)
          --cut-body-rate X        share of 200s whose JSON is cut short with a matching Content-Length (0..1)
          --drop-rate X            share of dropped connections (0..1)
          --drop-every N           drop the connection of every Nth forge request
          --quota-exhausted        every forge answers as if the quota were spent
          --max-concurrent N       GitHub secondary limit: requests in flight per client
          --stats-computing-calls N  202 answers before stats/contributors is ready (default 1)
        """;

    public static FakeForgeOptions Parse(IReadOnlyList<string> args)
    {
        var o = new FakeForgeOptions { Port = 5055, TimeProvider = TimeProvider.System };
        var faults = o.Faults;
        var tokens = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            string Next() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--port": o.Port = Int(Next()); break;
                case "--seed": o.Seed = Int(Next()); break;
                case "--repos": o.GeneratedRepositories = Int(Next()); break;
                case "--world": o.WorldPath = Next(); break;
                case "--catalog": o.CatalogPath = Next(); break;
                case "--push-token": tokens.Add(Next()); break;
                case "--latency-ms": faults = faults with { LatencyMs = Int(Next()) }; break;
                case "--error-rate": faults = faults with { ErrorRate = Rate(Next()) }; break;
                case "--truncate-rate": faults = faults with { TruncateRate = Rate(Next()) }; break;
                case "--cut-body-rate": faults = faults with { CutBodyRate = Rate(Next()) }; break;
                case "--drop-rate": faults = faults with { DropRate = Rate(Next()) }; break;
                case "--drop-every": faults = faults with { DropEvery = Int(Next()) }; break;
                case "--quota-exhausted": faults = faults with { QuotaExhausted = true }; break;
                case "--max-concurrent": faults = faults with { MaxConcurrentPerClient = Int(Next()) }; break;
                case "--stats-computing-calls": o.StatsComputingCalls = Int(Next()); break;
                default: throw new ArgumentException($"Unknown option {args[i]}.");
            }
        }

        o.Faults = faults;
        if (tokens.Count > 0)
        {
            o.PushTokens = tokens;
        }

        return o;
    }

    private static int Int(string s) => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture);

    private static double Rate(string s)
    {
        var v = double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture);
        return v is >= 0 and <= 1 ? v : throw new ArgumentException($"A rate is between 0 and 1, not {s}.");
    }
}
