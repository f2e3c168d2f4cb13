using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using MimeKit;
using Nämndportal.Application.Mail;
using Nämndportal.Infrastructure.Mail;
using Nämndportal.IntegrationTests.Support;

namespace Nämndportal.IntegrationTests.Mail;

/// <summary>The real mailer against a real SMTP server on loopback.</summary>
public sealed class MailKitMailerTests : IAsyncLifetime
{
    private SmtpTestServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await SmtpTestServer.StartAsync();

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    [Fact]
    public async Task A_mail_arrives_with_its_recipient_sender_and_Swedish_text_intact()
    {
        var mailer = Mailer(_smtp.Host, _smtp.Port);

        await mailer.SendAsync(new MailMessage(
            new MailAddress("asa.ostlund@exempelby.se", "Åsa Östlund"),
            "Kallelse: Omsorgsnämnden sammanträder måndag 12 oktober",
            "Hej Åsa!\nÄrende 3: Äldreomsorgens öppettider.\nVälkommen till sammanträdesrum Björken.",
            "<p>Hej Åsa!</p><p>Ärende 3: Äldreomsorgens öppettider.</p>",
            "kallelse-1-asa"));

        var mail = (await _smtp.WaitForAsync(1)).ShouldHaveSingleItem();
        mail.EnvelopeTo.ShouldBe(["asa.ostlund@exempelby.se"]);
        var to = mail.Message.To.Mailboxes.ShouldHaveSingleItem();
        to.Address.ShouldBe("asa.ostlund@exempelby.se");
        to.Name.ShouldBe("Åsa Östlund");
        var from = mail.Message.From.Mailboxes.ShouldHaveSingleItem();
        from.Address.ShouldBe("noreply@exempelby.se");
        from.Name.ShouldBe("Nämndportal Exempelby");
        mail.Message.Subject.ShouldBe("Kallelse: Omsorgsnämnden sammanträder måndag 12 oktober");
        mail.Message.TextBody.ShouldNotBeNull().ShouldContain("Ärende 3: Äldreomsorgens öppettider.");
        mail.Message.TextBody.ShouldNotBeNull().ShouldContain("Välkommen till sammanträdesrum Björken.");
        mail.Message.HtmlBody.ShouldNotBeNull().ShouldContain("<p>Ärende 3: Äldreomsorgens öppettider.</p>");
        mail.Message.MessageId.ShouldBe("kallelse-1-asa@exempelby.se");
    }

    [Fact]
    public async Task A_server_that_is_down_gives_an_exception_the_job_can_retry_on()
    {
        var mailer = Mailer("127.0.0.1", SmtpTestServer.FreeLoopbackPort());

        var error = await Should.ThrowAsync<MailDeliveryException>(() => mailer.SendAsync(Message("ledamot@exempelby.se")));

        error.IsPermanent.ShouldBeFalse();
        error.Message.ShouldNotContain("ledamot@exempelby.se");
    }

    [Fact]
    public async Task A_refused_mailbox_is_a_permanent_failure_that_does_not_name_the_address()
    {
        _smtp.RefusedRecipients.Add("finns.inte@exempelby.se");
        var mailer = Mailer(_smtp.Host, _smtp.Port);

        var error = await Should.ThrowAsync<MailDeliveryException>(() => mailer.SendAsync(Message("finns.inte@exempelby.se")));

        error.IsPermanent.ShouldBeTrue();
        error.Message.ShouldNotContain("finns.inte");
        error.InnerException.ShouldBeNull();
        _smtp.Received.ShouldBeEmpty();
    }

    private static MailMessage Message(string to) =>
        new(new MailAddress(to), "Kallelse", "Text", null, Guid.NewGuid().ToString("N"));

    private static MailKitMailer Mailer(string host, int port) =>
        new(Options.Create(new MailOptions
            {
                Host = host, Port = port, UseTls = MailTlsMode.None, FromAddress = "noreply@exempelby.se", FromName = "Nämndportal Exempelby",
                Timeout = TimeSpan.FromSeconds(5),
            }),
            NullLogger<MailKitMailer>.Instance);
}
