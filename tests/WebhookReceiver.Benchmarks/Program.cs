using BenchmarkDotNet.Running;
using WebhookReceiver.Benchmarks.Load;

// `serve` and `generate` drive the HTTP load test (Load/run.sh); anything else goes to BenchmarkDotNet.
return args switch
{
    ["serve", ..] => await LoadServer.RunAsync(args[1..]),
    ["generate", var kind, var count, var path] => LoadRequests.Generate(kind, int.Parse(count, System.Globalization.CultureInfo.InvariantCulture), path),
    _ => Run(args),
};

static int Run(string[] args)
{
    BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    return 0;
}
