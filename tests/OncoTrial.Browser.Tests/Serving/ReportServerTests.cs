using System.Net;
using System.Net.Sockets;
using OncoTrial.Server;
using OncoTrial.Statistics;

namespace OncoTrial.Browser.Tests.Serving;

/// <summary>The report server over HTTP, without a browser: address, rebuilds, the problems page, stopping.</summary>
public sealed class ReportServerTests
{
    private static readonly HttpClient Http = new();

    [Fact]
    public async Task Port_0_gets_a_free_port_on_127_0_0_1_and_the_page_is_served_as_html()
    {
        await using var served = await ServedStudy.StartAsync();

        Assert.Equal("127.0.0.1", served.Server.Address.Host);
        Assert.NotEqual(0, served.Server.Address.Port);
        using var response = await Http.GetAsync(served.Server.Address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(ServedPageKind.Report, served.Server.Page.Kind);
        string html = await response.Content.ReadAsStringAsync();
        Assert.StartsWith(served.Server.Page.Html[..200], html, StringComparison.Ordinal);
        Assert.Equal(html, await Http.GetStringAsync(new Uri(served.Server.Address, "report.html")));
    }

    [Fact]
    public async Task The_server_does_not_answer_on_other_interfaces()
    {
        await using var served = await ServedStudy.StartAsync();
        var other = Dns.GetHostAddresses(Dns.GetHostName()).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (other is null)
        {
            Assert.Skip("This machine has no IPv4 address besides the loopback one to try.");
        }

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(other, served.Server.Address.Port));
    }

    [Fact]
    public async Task Several_quick_changes_give_one_rebuild_after_the_folder_is_quiet()
    {
        await using var served = await ServedStudy.StartAsync(debounce: TimeSpan.FromMilliseconds(500));
        string dm = served.Read("dm.csv");

        served.Write("dm.csv", dm);
        served.Write("ts.csv", served.Read("ts.csv"));
        served.Write("dm.csv", dm + string.Empty);
        var page = await served.WaitForBuildAsync(2);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        Assert.Equal(2, page.Version);
        Assert.Equal(2, served.Server.Page.Version);
        Assert.Equal("2", await Http.GetStringAsync(new Uri(served.Server.Address, ReportServer.VersionPath)));
    }

    [Fact]
    public async Task A_study_that_stops_validating_is_served_as_its_problems_and_the_report_comes_back_when_fixed()
    {
        await using var served = await ServedStudy.StartAsync();
        string dm = served.Read("dm.csv");
        string reportHtml = served.Server.Page.Html;

        // The first subject's informed consent date becomes a day that does not exist.
        served.Write("dm.csv", dm.Replace("2021-09-03", "2021-02-30", StringComparison.Ordinal));
        var broken = await served.WaitForBuildAsync(2);

        Assert.Equal(ServedPageKind.Problems, broken.Kind);
        Assert.True(broken.ErrorCount > 0, broken.Describe());
        string html = await Http.GetStringAsync(served.Server.Address);
        Assert.Contains("id=\"problems\"", html, StringComparison.Ordinal);
        Assert.Contains("2021-02-30", html, StringComparison.Ordinal);
        Assert.DoesNotContain(reportHtml[..Math.Min(reportHtml.Length, 400)], html, StringComparison.Ordinal);

        served.Write("dm.csv", dm);
        var fixedPage = await served.WaitForBuildAsync(3);

        Assert.Equal(ServedPageKind.Report, fixedPage.Kind);
        Assert.Equal(reportHtml, fixedPage.Html);
    }

    [Fact]
    public async Task A_deleted_domain_file_is_a_problem_on_the_page_not_a_crash()
    {
        await using var served = await ServedStudy.StartAsync();

        File.Delete(served.Folder.File("dm.csv"));
        var page = await served.WaitForBuildAsync(2);

        Assert.Equal(ServedPageKind.Problems, page.Kind);
        Assert.Contains(page.Problems, p => p.Severity == ProblemSeverity.Error);
        using var response = await Http.GetAsync(served.Server.Address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_port_in_use_is_a_usage_problem_about_the_port()
    {
        await using var served = await ServedStudy.StartAsync();

        var ex = await Assert.ThrowsAsync<ProblemException>(() => ReportServer.StartAsync(new ReportServerOptions { Study = served.Folder.Path, Port = served.Server.Address.Port }));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("port", problem.Option);
        Assert.Equal("PORT_UNAVAILABLE", problem.Code);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task A_port_out_of_range_is_refused_before_anything_starts(int port)
    {
        var ex = await Assert.ThrowsAsync<ProblemException>(() => ReportServer.StartAsync(new ReportServerOptions { Study = ServedStudy.CommittedStudy, Port = port }));

        Assert.Equal("port", Assert.Single(ex.Problems).Option);
    }

    [Fact]
    public async Task A_study_path_that_names_nothing_is_a_usage_problem()
    {
        var ex = await Assert.ThrowsAsync<ProblemException>(() => ReportServer.StartAsync(new ReportServerOptions { Study = "/nonexistent/study", Port = 0 }));

        var problem = Assert.Single(ex.Problems);
        Assert.Equal("study", problem.Option);
        Assert.Equal("PATH_MISSING", problem.Code);
    }

    [Fact]
    public async Task After_stopping_the_port_is_closed_and_a_change_builds_nothing()
    {
        var served = await ServedStudy.StartAsync();
        int port = served.Server.Address.Port;
        var server = served.Server;
        await server.StopAsync();

        using var client = new TcpClient();
        await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(IPAddress.Loopback, port));
        served.Write("dm.csv", served.Read("dm.csv"));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, server.Page.Version);
        await served.DisposeAsync();
    }
}
