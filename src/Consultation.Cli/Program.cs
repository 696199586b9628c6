using Consultation.Cli;

using var cancellation = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Stop the count at the end of the current stage rather than killing the process.
    e.Cancel = true;
    cancellation.Cancel();
};
return ConsultationCommand.Run(args, Console.Out, Console.Error, cancellation.Token);
