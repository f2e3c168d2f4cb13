using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.ComponentModel;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace Nämndportal.IntegrationTests.Support;

/// <summary>
/// A real SMTP server in the test process, on a free loopback port: the portal's mailer talks SMTP to it as to any
/// server, and a test reads what arrived, parsed with MimeKit. Addresses listed in <see cref="RefusedRecipients"/> are
/// refused with 550, as a server refuses a mailbox that does not exist.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SmtpServer.SmtpServer _server;
    private readonly Task _running;

    private SmtpTestServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_received));
        services.Add(new Filter(RefusedRecipients));
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    public string Host { get; } = "127.0.0.1";

    /// <summary>Recipient addresses the server answers "550 mailbox unavailable" for.</summary>
    public ConcurrentBag<string> RefusedRecipients { get; } = [];

    /// <summary>The mails received so far, in order of arrival.</summary>
    public IReadOnlyList<ReceivedMail> Received => [.. _received];

    /// <summary>The "Mail" settings that point the portal's mailer at this server.</summary>
    public IReadOnlyDictionary<string, string?> MailSettings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = Host,
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:UseTls"] = "None",
        ["Mail:FromAddress"] = "noreply@exempelby.se",
        ["Mail:FromName"] = "Nämndportal Exempelby",
    };

    public static async Task<SmtpTestServer> StartAsync()
    {
        var server = new SmtpTestServer(FreeLoopbackPort());
        // StartAsync listens in the background; wait until a connection is accepted.
        for (var attempt = 0; attempt < 100; attempt++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, server.Port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        await server.DisposeAsync();
        throw new InvalidOperationException($"The test SMTP server did not start on port {server.Port}.");
    }

    /// <summary>Waits until at least <paramref name="count"/> mails have arrived (the mailer returns when the server has them, so this is quick).</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_received.Count < count && DateTime.UtcNow < until)
        {
            await Task.Delay(20);
        }

        return Received;
    }

    /// <summary>A port on loopback that nothing listens on (for "the server is down").</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (OperationCanceledException)
        {
        }
        catch (TimeoutException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentQueue<ReceivedMail> received) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            await using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            received.Enqueue(new ReceivedMail(
                message,
                transaction.From.AsAddress(),
                transaction.To.Select(m => m.AsAddress()).ToList()));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentBag<string> refused) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.Contains(to.AsAddress(), StringComparer.OrdinalIgnoreCase));
    }
}

/// <summary>One mail as the SMTP server received it: the parsed message and the envelope (MAIL FROM, RCPT TO).</summary>
public sealed record ReceivedMail(MimeMessage Message, string EnvelopeFrom, IReadOnlyList<string> EnvelopeTo);
