package footage.jobs.schedule;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SchedulePropertiesTests {

    @Test
    void theReadmesPropertyNamesSetEachScheduleAndTheRestKeepTheirDefaults() {
        // given the README's footage.schedule.<name>.cron/.enabled and clustered
        Binder binder = new Binder(new MapConfigurationPropertySource(Map.of(
                "footage.schedule.report.cron", "0 15 5 * * ?",
                "footage.schedule.sweep.enabled", "false",
                "footage.schedule.clustered", "true")));

        // when
        ScheduleProperties p = ScheduleProperties.bind(binder);

        // then
        assertThat(p.clustered()).isTrue();
        assertThat(p.byName()).containsOnlyKeys("ingest", "report", "fixity", "sweep", "transcode", "supervision");
        assertThat(p.byName().get("report")).isEqualTo(new ScheduleProperties.Entry("reportJob", "0 15 5 * * ?", true));
        assertThat(p.byName().get("sweep")).isEqualTo(new ScheduleProperties.Entry("retentionSweepJob", "0 0 3 * * ?", false));
        assertThat(p.byName().get("ingest")).isEqualTo(new ScheduleProperties.Entry("ingestJob", "0 */5 * * * ?", true));
        assertThat(p.byName().get("fixity").job()).isEqualTo("fixityAuditJob");
        assertThat(p.byName().get("transcode").job()).isEqualTo("transcodeJob");
        assertThat(p.byName().get("supervision")).isEqualTo(
                new ScheduleProperties.Entry("supervisionReportJob", "0 0 7 1 * ?", true));
    }

    @Test
    void aBadCronIsRefusedNamingItsPropertyUnlessTheScheduleIsOff() {
        // given
        Binder bad = new Binder(new MapConfigurationPropertySource(Map.of("footage.schedule.fixity.cron", "every night")));
        Binder off = new Binder(new MapConfigurationPropertySource(Map.of("footage.schedule.fixity.cron", "every night",
                "footage.schedule.fixity.enabled", "false")));

        // when / then
        assertThatThrownBy(() -> ScheduleProperties.bind(bad)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("footage.schedule.fixity.cron is not a Quartz cron expression").hasMessageEndingWith("'every night'");
        assertThat(ScheduleProperties.bind(off).byName().get("fixity").on()).isFalse();
    }
}
