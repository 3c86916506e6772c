package footage.jobs.report;

import footage.pipeline.continuity.FindingKind;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SvgTimelineTests {

    @Test
    void drawsAPhotoAsADotAndSoundAsABarOfItsOwnColour() {
        // given: a video, a sound recording right after it, and a photo taken during the video
        OffsetDateTime t = OffsetDateTime.parse("2024-05-01T09:00:00+08:00");
        GapReport.Recording video = new GapReport.Recording("1", "V.mp4", "a".repeat(64), t, t.plusSeconds(60), 60.0,
                "ARCHIVED", "VIDEO", null);
        GapReport.Recording sound = new GapReport.Recording("2", "R.wav", "b".repeat(64), t.plusSeconds(60),
                t.plusSeconds(120), 60.0, "ARCHIVED", "AUDIO", null);
        GapReport.Recording photo = new GapReport.Recording("3", "P.jpg", "c".repeat(64), t.plusSeconds(30),
                t.plusSeconds(30), null, "ARCHIVED", "PHOTO", null);
        GapReport report = new GapReport(t, "0".repeat(64), ZoneId.of("Asia/Shanghai"), ReportFilter.all(),
                List.of(new GapReport.Device("D1", 0.0, List.of(), List.of(video, sound, photo), List.of())));

        // when
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        String svg = new HtmlReport(messages).timeline(report, new ReportLanguage(messages, java.util.Locale.ENGLISH));

        // then
        assertThat(svg.split("<rect class=\"recording\"", -1)).hasSize(3);
        assertThat(svg).contains("fill=\"#76b7b2\"><title>R.wav");
        assertThat(svg.split("<circle class=\"photo\"", -1)).hasSize(2);
        assertThat(svg).contains("<title>P.jpg\nphoto, 2024-05-01 09:00:30 +08:00");
        assertThat(svg).contains(">photo</text>").contains(">sound only</text>");
    }

    @Test
    void namesFromOutsideAreEscapedByTheTemplateAndTheSvgStaysWellFormed() throws Exception {
        // given a device, an officer, a file and a gap's detail whose names hold markup characters and a bidi override
        String hostile = "<script>&\"'</script>";
        OffsetDateTime t = OffsetDateTime.parse("2024-05-01T09:00:00+08:00");
        GapReport.Recording video = new GapReport.Recording("1", "V" + hostile + ".mp4", "a".repeat(64), t,
                t.plusSeconds(60), 60.0, "ARCHIVED", "VIDEO", null);
        GapReport.Finding gap = new GapReport.Finding("F1", FindingKind.GAP, t.plusSeconds(60), t.plusSeconds(90), 30.0,
                List.of("V" + hostile + ".mp4"), null, null, "30 s \u202E" + hostile);
        GapReport report = new GapReport(t, "0".repeat(64), ZoneId.of("Asia/Shanghai"), ReportFilter.all(),
                List.of(new GapReport.Device("D" + hostile, 0.0, List.of(new GapReport.Officer("1", "O" + hostile)),
                        List.of(video), List.of(gap))));
        var messages = new org.springframework.context.support.ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");

        // when
        String svg = new HtmlReport(messages).timeline(report, new ReportLanguage(messages, java.util.Locale.ENGLISH));

        // then no markup of the names got through, and an XML parser reads the names back as they were typed
        assertThat(svg).doesNotContain("<script").contains("D&lt;script&gt;&amp;").doesNotContain("\u202E");
        javax.xml.parsers.DocumentBuilderFactory factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document document = factory.newDocumentBuilder().parse(new org.xml.sax.InputSource(
                new java.io.StringReader(svg)));
        String text = document.getDocumentElement().getTextContent();
        assertThat(document.getDocumentElement().getLocalName()).isEqualTo("svg");
        assertThat(text).contains("D" + hostile).contains("V" + hostile + ".mp4").contains("30 s \\u202E" + hostile);
        assertThat(document.getElementsByTagNameNS("http://www.w3.org/2000/svg", "script").getLength()).isZero();
    }
}
