using System.Text.RegularExpressions;

namespace Consultation.Web.Tests.Support;

/// <summary>Reads the .eml files the platform writes to data/outbox when no SMTP server is configured.</summary>
public static partial class Outbox
{
    /// <summary>The newest message to this address, waiting briefly since mail is sent after the command commits.</summary>
    public static async Task<string> LatestToAsync(this TestApp app, string address, CancellationToken ct = default)
    {
        var folder = Path.Combine(app.DataDirectory, "outbox");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(10));
        while (true)
        {
            var message = Directory.Exists(folder)
                ? Directory.GetFiles(folder, "*.eml")
                    .Select(file => new FileInfo(file))
                    .OrderByDescending(file => file.LastWriteTimeUtc)
                    .Select(file => Decode(File.ReadAllText(file.FullName)))
                    .FirstOrDefault(text => text.Contains($"To: {address}", StringComparison.OrdinalIgnoreCase))
                : null;
            if (message is not null)
            {
                return message;
            }
            await Task.Delay(50, timeout.Token);
        }
    }

    /// <summary>The first link in the message that starts with the given path, e.g. "/Accounts/ConfirmEmail".</summary>
    public static Uri LinkTo(this string message, string path)
    {
        var match = Regex.Match(message, $@"https?://[^\s""<>]*{Regex.Escape(path)}[^\s""<>]*");
        match.Success.ShouldBeTrue($"no link to {path} in:\n{message}");
        return new Uri(match.Value);
    }

    // SmtpClient writes quoted-printable bodies: undo soft line breaks and =XX escapes.
    static string Decode(string eml) =>
        QuotedByte().Replace(eml.Replace("=\r\n", "", StringComparison.Ordinal), m => ((char)Convert.ToByte(m.Value[1..], 16)).ToString());

    [GeneratedRegex("=[0-9A-F]{2}")]
    private static partial Regex QuotedByte();
}
