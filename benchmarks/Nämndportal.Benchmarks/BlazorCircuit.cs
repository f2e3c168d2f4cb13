using System.Buffers;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Nämndportal.Benchmarks;

/// <summary>
/// One member's reader page as blazor.web.js runs it, without a browser: the page is fetched with the member's cookie,
/// its interactive root component (the prerendered marker and the protected state) is started on a circuit over the
/// portal's SignalR hub in the blazorpack protocol, every render batch is acknowledged, and the portal's JavaScript
/// calls are answered as reader.js answers them: the viewer's module and object are handed out, and "open" reports the
/// document loaded (OnDocumentLoaded, which marks the handling read on the server) without fetching the PDF. A step is
/// the viewer's "next item" shortcut (OnShortcut), timed until the render batch with the new item's heading arrives.
/// The render batches are not applied to a DOM: the browser's own few milliseconds of applying a batch are not the
/// server's to answer for, and 200 browser pages on the two cores measured Chromium rather than the portal.
/// </summary>
internal sealed partial class BlazorCircuit : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private long _nextObjectId = 1;
    private long _nextCallId = 1;
    private long _viewer;
    private volatile Waiter? _waiter;
    private readonly TaskCompletionSource _viewerReady = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private sealed record Waiter(byte[] Text, TaskCompletionSource Seen);

    private readonly HttpClient _http;
    private readonly Uri _disconnect;
    private string? _circuitId;

    private BlazorCircuit(HubConnection connection, HttpClient http, Uri disconnect)
    {
        _connection = connection;
        _http = http;
        _disconnect = disconnect;
    }

    /// <summary>NP_BENCH_TRACE=1: every message of the circuits on the console, to see where a circuit stops.</summary>
    private static readonly bool Trace = Environment.GetEnvironmentVariable("NP_BENCH_TRACE") == "1";

    private static void Log(string text)
    {
        if (Trace)
        {
            Console.WriteLine($"  [krets] {text}");
        }
    }

    /// <summary>An error the portal reported on the circuit (JS.Error), or a connection that closed; null while it is well.</summary>
    public string? Error { get; private set; }

    public static async Task<BlazorCircuit> OpenAsync(HttpClient http, CookieContainer cookies, Uri page, string firstHeading, TimeSpan timeout)
    {
        var html = await http.GetStringAsync(page);
        Log($"{page}: {html.Length} characters, markers: {string.Join(" | ", ServerMarker().Matches(html).Select(m => m.Groups["json"].Value[..Math.Min(120, m.Groups["json"].Value.Length)]))}");
        // Every interactive root component of the page (the head's outlet, the page itself), in the server's order.
        var markers = ServerMarker().Matches(html).Select(m => JsonNode.Parse(m.Groups["json"].Value)!.AsObject())
            .Where(m => (string?)m["type"] == "server" && m["descriptor"] is not null)
            .OrderBy(m => (int)m["sequence"]!)
            .ToList();
        if (markers.Count == 0)
        {
            throw new InvalidOperationException($"{page}: no interactive server component in the page (not logged in?).");
        }

        var state = StateMarker().Match(html) is { Success: true } s ? s.Groups["state"].Value : string.Empty;

        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(page, "/_blazor"), options =>
            {
                options.Cookies = cookies;
                options.Transports = HttpTransportType.WebSockets;
            });
        builder.Services.AddSingleton<IHubProtocol>(new BlazorPackProtocol());
        if (Trace)
        {
            builder.Services.AddLogging(logging => logging.AddSimpleConsole().SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Warning));
        }
        var connection = builder.Build();
        connection.ServerTimeout = TimeSpan.FromMinutes(2);
        var circuit = new BlazorCircuit(connection, http, new Uri(page, "/_blazor/disconnect"));
        circuit.Listen();
        using var cancel = new CancellationTokenSource(timeout);
        var first = circuit.Expect(firstHeading);
        await connection.StartAsync(cancel.Token);
        var root = page.GetLeftPart(UriPartial.Authority) + "/";
        Log("connected");
        var secret = await connection.InvokeAsync<string?>("StartCircuit", root, page.ToString(), "[]", state, cancel.Token);
        if (string.IsNullOrEmpty(secret))
        {
            throw new InvalidOperationException($"{page}: the portal refused to start the circuit ({circuit.Error}).");
        }

        circuit._circuitId = secret;

        var operations = new JsonObject
        {
            ["batchId"] = 1,
            ["operations"] = new JsonArray(markers.Select((marker, i) =>
            {
                marker["uniqueId"] = i;
                return (JsonNode)new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker };
            }).ToArray()),
        };
        Log("circuit started; UpdateRootComponents " + operations.ToJsonString()[..Math.Min(300, operations.ToJsonString().Length)]);
        await connection.SendAsync("UpdateRootComponents", operations.ToJsonString(), state, cancel.Token);
        await first.WaitAsync(cancel.Token);
        await circuit._viewerReady.Task.WaitAsync(cancel.Token);
        return circuit;
    }

    /// <summary>The viewer's "next item" shortcut; the time until the render batch with <paramref name="heading"/> arrives.</summary>
    public async Task<TimeSpan?> StepAsync(string heading, TimeSpan timeout)
    {
        var seen = Expect(heading);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await _connection.SendAsync("BeginInvokeDotNetFromJS", NextCallId(), null, "OnShortcut", _viewer, "[\"next-item\"]");
        try
        {
            await seen.WaitAsync(timeout);
            return System.Diagnostics.Stopwatch.GetElapsedTime(started);
        }
        catch (TimeoutException)
        {
            _waiter = null;
            return null;
        }
    }

    private Task Expect(string text)
    {
        var waiter = new Waiter(Encoding.UTF8.GetBytes(text), new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _waiter = waiter;
        return waiter.Seen.Task;
    }

    private string NextCallId() => Interlocked.Increment(ref _nextCallId).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private void Listen()
    {
        _connection.On<long, byte[]>("JS.RenderBatch", async (batchId, batch) =>
        {
            Log($"RenderBatch {batchId}: {batch.Length} bytes");
            if (_waiter is { } waiter && batch.AsSpan().IndexOf(waiter.Text) >= 0)
            {
                _waiter = null;
                waiter.Seen.TrySetResult();
            }

            await _connection.SendAsync("OnRenderCompleted", batchId, null);
        });
        _connection.On<long, string, string, int, long, int>("JS.BeginInvokeJS", (handle, identifier, args, resultType, _, _) =>
        {
            _ = AnswerAsync(handle, identifier, args, resultType);
            return Task.CompletedTask;
        });
        _connection.On<string, bool, string?>("JS.EndInvokeDotNet", (_, _, _) => { });
        _connection.On<int, string>("JS.AttachComponent", (_, _) => { });
        _connection.On<long>("JS.EndUpdateRootComponents", _ => { });
        _connection.On<string>("JS.Error", error =>
        {
            Log("Error " + error);
            Error = error;
        });
        _connection.Closed += e =>
        {
            Error ??= "the connection closed" + (e is null ? string.Empty : ": " + e.Message);
            return Task.CompletedTask;
        };
    }

    // JSCallResultType: 0 a value, 1 a JS object reference, 2 a stream reference, 3 nothing.
    private async Task AnswerAsync(long handle, string identifier, string args, int resultType)
    {
        Log($"BeginInvokeJS {handle} {identifier} {resultType} {args[..Math.Min(args.Length, 200)]}");
        JsonNode? result = null;
        if (resultType == 1)
        {
            result = new JsonObject { ["__jsObjectId"] = Interlocked.Increment(ref _nextObjectId) };
        }

        if (identifier == "create" && JsonNode.Parse(args) is JsonArray arguments
            && arguments.OfType<JsonObject>().FirstOrDefault(a => a.ContainsKey("__dotNetObject")) is { } viewer)
        {
            _viewer = (long)viewer["__dotNetObject"]!;
            _viewerReady.TrySetResult();
        }
        else if (BrowserAnswers.TryGetValue(identifier, out var answer))
        {
            result = JsonNode.Parse(answer);
        }
        else if (identifier == "open")
        {
            // reader.js: the document is loaded (its pages are counted), the viewer is told, then "open" returns the count.
            if (Environment.GetEnvironmentVariable("NP_BENCH_READER_MARK") != "0")
            {
                await _connection.SendAsync("BeginInvokeDotNetFromJS", NextCallId(), null, "OnDocumentLoaded", _viewer, "[3]");
            }

            result = 3;
        }

        if (handle != 0)
        {
            var reply = new JsonArray(handle, true, result).ToJsonString();
            await _connection.SendAsync("EndInvokeJSFromDotNet", handle, true, reply);
        }
    }

    /// <summary>What a browser answers MudBlazor's questions about the window (a null would not do for a count or a flag).</summary>
    private static readonly Dictionary<string, string> BrowserAnswers = new(StringComparer.Ordinal)
    {
        ["window.hasOwnProperty"] = "true",
        ["mudpopoverHelper.countProviders"] = "1",
        ["mudResizeListener.getBrowserWindowSize"] = "{\"height\":900,\"width\":1280}",
        ["mudElementRef.getBoundingClientRect"] = "{\"top\":0,\"left\":0,\"width\":1280,\"height\":900}",
        ["Blazor._internal.PageTitle.getAndRemoveExistingTitle"] = "\"Läsläge\"",
    };

    /// <summary>
    /// Leaves the page as a browser does: blazor.web.js posts the circuit's id to /_blazor/disconnect when the page is left
    /// (navigator.sendBeacon), and the server ends the circuit at once. A connection that only closes keeps its circuit in
    /// the server's retention for three minutes (up to 100 of them), for a browser that lost its network and comes back.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_circuitId is not null)
        {
            try
            {
                using var form = new FormUrlEncodedContent([new KeyValuePair<string, string>("circuitId", _circuitId)]);
                using var response = await _http.PostAsync(_disconnect, form);
                Log($"disconnect: {(int)response.StatusCode}");
            }
            catch (HttpRequestException e)
            {
                Log("disconnect failed: " + e.Message);
            }
        }

        await _connection.DisposeAsync();
    }

    [GeneratedRegex("<!--Blazor:(?<json>\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex ServerMarker();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(?<state>[A-Za-z0-9+/=]+)-->")]
    private static partial Regex StateMarker();

    /// <summary>
    /// blazorpack is SignalR's MessagePack hub protocol under the name the Blazor hub accepts (it accepts no other).
    /// </summary>
    private sealed class BlazorPackProtocol : IHubProtocol
    {
        private readonly MessagePackHubProtocol _inner = new(Options.Create(new MessagePackHubProtocolOptions()));

        public string Name => "blazorpack";

        public int Version => _inner.Version;

        public TransferFormat TransferFormat => _inner.TransferFormat;

        public bool IsVersionSupported(int version) => _inner.IsVersionSupported(version);

        public bool TryParseMessage(ref ReadOnlySequence<byte> input, IInvocationBinder binder, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HubMessage? message) =>
            _inner.TryParseMessage(ref input, binder, out message);

        public void WriteMessage(HubMessage message, IBufferWriter<byte> output) => _inner.WriteMessage(message, output);

        public ReadOnlyMemory<byte> GetMessageBytes(HubMessage message) => _inner.GetMessageBytes(message);
    }
}
