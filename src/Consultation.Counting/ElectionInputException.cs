namespace Consultation.Counting;

/// <summary>Input that cannot be counted (a malformed ballot file, impossible seats or constraints); the message says why.</summary>
public class ElectionInputException(string message) : Exception(message);
