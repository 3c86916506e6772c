package footage.jobs.continuity;

import footage.jobs.FootageProperties;
import footage.pipeline.continuity.ContinuityRules;
import footage.pipeline.continuity.TimelineAnalyzer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ContinuityConfiguration {

    /** Built (and so validated) at start-up: a bad threshold stops the application with the rule's message. */
    @Bean
    ContinuityRules continuityRules(ContinuityProperties p, FootageProperties footage) {
        return new ContinuityRules(p.tolerance(), p.sessionBreak(), p.maxClockOffset(), p.lateUpload(), p.timeMismatch(),
                footage.deviceZone(), p.noAudio(), p.audioSilent(), p.silence());
    }

    @Bean
    TimelineAnalyzer timelineAnalyzer(ContinuityRules rules) {
        return new TimelineAnalyzer(rules);
    }
}
