using System.Text;
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

    // SmtpClient writes ASCII bodies as quoted-printable and UTF-8 ones (any accent or Arabic letter) as base64, and
    // non-ASCII subjects as encoded words: undo all three, so tests read the text a person would.
    static string Decode(string eml)
    {
        var split = eml.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = eml[..split].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);
        var body = eml[(split + 4)..];
        headers = EncodedWords().Replace(headers, run => Encoding.UTF8.GetString(
            [.. EncodedWord().Matches(run.Value).SelectMany(word => word.Groups[1].Value is "B" or "b"
                ? Convert.FromBase64String(word.Groups[2].Value)
                : QuotedPrintable(word.Groups[2].Value.Replace('_', ' ')))]));
        body = headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c)))))
            : Encoding.UTF8.GetString(QuotedPrintable(body.Replace("=\r\n", "", StringComparison.Ordinal)));
        return headers + "\r\n\r\n" + body;
    }

    static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
            }
        }
        return [.. bytes];
    }

    [GeneratedRegex(@"=\?utf-8\?[BQ]\?[^?]*\?=(?:\s+=\?utf-8\?[BQ]\?[^?]*\?=)*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWords();

    [GeneratedRegex(@"=\?utf-8\?([BQ])\?([^?]*)\?=", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
