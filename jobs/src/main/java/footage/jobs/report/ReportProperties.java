package footage.jobs.report;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Locale;

/**
 * {@code footage.report.*}.
 *
 * @param zone    zone the report's times are written in; unset means {@code footage.device-zone}, since evidence
 *                staff read times in the zone the officers worked in
 * @param cjkFont TrueType font with Chinese glyphs embedded in PDF reports (the PDF base fonts have none);
 *                Debian's {@code fonts-droid-fallback} installs the default
 * @param locale  language of the HTML, PDF and CSV reports: zh-CN (default) or en
 */
@ConfigurationProperties("footage.report")
record ReportProperties(ZoneId zone,
                        @DefaultValue("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf") Path cjkFont,
                        @DefaultValue("zh-CN") Locale locale) {

    static final java.util.List<Locale> LANGUAGES = java.util.List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    ReportProperties {
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
        if (!LANGUAGES.contains(locale)) {
            throw new IllegalArgumentException("footage.report.locale must be zh-CN or en but was '"
                    + locale.toLanguageTag() + "'");
        }
    }

    /** The CLI's --lang word (zh-CN, en) as a locale; a usage error for any other. */
    static Locale language(String tag) {
        Locale locale = Locale.forLanguageTag(tag.trim());
        if (!LANGUAGES.contains(locale)) {
            throw new IllegalArgumentException("--lang must be zh-CN or en, not '" + tag + "'");
        }
        return locale;
    }

    ZoneId zoneOr(ZoneId deviceZone) {
        return zone == null ? deviceZone : zone;
    }
}
