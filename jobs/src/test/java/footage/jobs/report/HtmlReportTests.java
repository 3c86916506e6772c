package footage.jobs.report;

import org.junit.jupiter.api.Test;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTests extends ReportTestBase {

    @Test
    void aSelfContainedPageWithTheTimelineAboveTheFindings() throws Exception {
        // given
        CatalogRows.Scenario s = rows().scenario();

        // when
        byte[] bytes = renderer.render(builder.build(new ReportFilter(s.device(), null, null)), ReportFormat.HTML,
                java.util.Locale.ENGLISH);
        String html = new String(bytes, StandardCharsets.UTF_8);

        // then it is one well-formed page that loads nothing from elsewhere
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        assertThat(factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes)).getDocumentElement().getLocalName())
                .isEqualTo("html");
        assertThat(html).contains("<style>").doesNotContain("<link", "<script", "src=", "href=", "@import");
        // the timeline: first the overview, one lane per device, one bar per recording, gaps marked by whether they
        // are explained; then the device's day in detail
        assertThat(html.indexOf("<svg")).isPositive().isLessThan(html.indexOf("<table class=\"findings\""));
        String overview = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + "</svg>".length());
        assertThat(overview).startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"timeline overview\"");
        assertThat(count(overview, "<rect class=\"recording\"")).isEqualTo(3);
        assertThat(count(overview, "class=\"gap unexplained\"")).isEqualTo(1);
        assertThat(count(overview, "class=\"gap explained\"")).isEqualTo(1);
        assertThat(count(overview, "<path class=\"marker clock-drift\"")).isEqualTo(1);
        assertThat(count(overview, "<rect class=\"lane\"")).isEqualTo(1);
        assertThat(overview).contains(">" + s.device() + "</text>").contains("张三 (100234)");
        assertThat(titleOf(overview, "<rect class=\"recording\"")).contains(s.fileA()).contains("2019-02-17 09:30:00 +08:00")
                .contains("2019-02-17 09:40:00 +08:00");
        assertThat(titleOf(overview, "<rect class=\"gap explained\"")).contains("WEATHER");
        assertThat(count(html, "class=\"timeline detail\"")).isEqualTo(1);
        assertThat(html).contains(s.device() + " · 2019-02-17, hour by hour");
        // the findings table, every text escaped
        assertThat(count(html, "<tr class=\"unexplained\">")).isEqualTo(1);
        assertThat(count(html, "<tr class=\"explained\">")).isEqualTo(1);
        assertThat(html).doesNotContain("<script>alert")
                .contains("=cmd() &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 暴雨");
        assertThat(html).contains(s.gap()).contains("780").contains("李四");
    }

    @Test
    void anEmptyReportStillHasItsTimelineAndTables() {
        // when
        String html = new String(renderer.render(builder.build(new ReportFilter("NO-SUCH-DEVICE", null, null)),
                ReportFormat.HTML, java.util.Locale.ENGLISH), StandardCharsets.UTF_8);

        // then
        assertThat(html).contains("<svg").contains("no recordings or findings").contains("no findings");
        assertThat(count(html, "<rect class=\"recording\"")).isZero();
    }

    @Test
    void theReportSpeaksChineseUnlessAskedForEnglish() {
        // given
        CatalogRows.Scenario s = rows().scenario();
        GapReport report = builder.build(new ReportFilter(s.device(), null, null));

        // when: the default (footage.report.locale unset) and English
        String chinese = new String(renderer.render(report, ReportFormat.HTML), StandardCharsets.UTF_8);
        String english = new String(renderer.render(report, ReportFormat.HTML, java.util.Locale.ENGLISH),
                StandardCharsets.UTF_8);

        // then the headings, finding kinds and legend are in each language's words; the data is the same
        assertThat(chinese).contains("lang=\"zh-CN\"").contains("<h1>录像缺口报告</h1>").contains(">发现</h2>")
                .contains("<td>录像中断</td>").contains("<td>时钟偏差</td>").contains(">未说明的中断</text>")
                .contains("<span class=\"unexplained\">未说明</span>").contains(s.gap()).doesNotContain("Gap report");
        assertThat(english).contains("lang=\"en\"").contains("<h1>Gap report</h1>").contains("<td>Gap</td>")
                .contains("<td>Clock drift</td>").contains(">unexplained gap</text>").doesNotContain("录像缺口报告");
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + 1)) {
            n++;
        }
        return n;
    }

    private static String titleOf(String html, String element) {
        Matcher m = Pattern.compile(Pattern.quote(element) + "[^>]*><title>([^<]*)</title>").matcher(html);
        assertThat(m.find()).as("%s with a title", element).isTrue();
        return m.group(1);
    }
}
