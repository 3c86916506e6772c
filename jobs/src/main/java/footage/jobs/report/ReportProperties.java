package footage.jobs.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;

/**
 * {@code footage.report.*}.
 *
 * @param zone    zone the report's times are written in; unset means {@code footage.device-zone}, since evidence
 *                staff read times in the zone the officers worked in
 * @param cjkFont TrueType font with Chinese glyphs embedded in PDF reports (the PDF base fonts have none);
 *                Debian's {@code fonts-droid-fallback} installs the default
 */
@ConfigurationProperties("footage.report")
record ReportProperties(ZoneId zone,
                        @DefaultValue("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf") Path cjkFont) {

    ZoneId zoneOr(ZoneId deviceZone) {
        return zone == null ? deviceZone : zone;
    }
}
