using BenchmarkDotNet.Running;
using Consultation.Benchmarks.ReadLoad;

// "read ..." is the HTTP read benchmark against a running platform; anything else goes to BenchmarkDotNet.
if (args.FirstOrDefault() == ReadCommand.Name)
{
    return await ReadCommand.RunAsync(args[1..]);
}
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
