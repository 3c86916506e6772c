package footage.jobs.report;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;

/**
 * One application context (embedded H2 in a temp home) for every report test class. Tests share its catalog, so
 * each works on devices of its own ({@link CatalogRows#scenario()}) and filters by device.
 */
@SpringBootTest
abstract class ReportTestBase {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    GapReportBuilder builder;
    @Autowired
    GapReportRenderer renderer;
    @Autowired
    org.springframework.context.MessageSource messages;

    ReportLanguage english() {
        return new ReportLanguage(messages, java.util.Locale.ENGLISH);
    }

    CatalogRows rows() {
        return new CatalogRows(jdbc);
    }

    @DynamicPropertySource
    static void home(DynamicPropertyRegistry registry) {
        registry.add("footage.home", () -> {
            try {
                return Files.createTempDirectory("footage-report-").toString();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
