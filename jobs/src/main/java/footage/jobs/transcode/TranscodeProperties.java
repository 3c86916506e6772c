package footage.jobs.transcode;

import footage.pipeline.transcode.Profiles;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.util.List;

/**
 * {@code footage.transcode.*}. The profiles are loaded and checked when these properties are bound, so a broken
 * profile is a configuration error of start-up ({@code footage: bad configuration: <file>: <key>: ...}, exit 2),
 * whatever the command.
 *
 * @param profiles folder of profile files; unset: {@code $FOOTAGE_PROFILES} (the {@code ./footage} launcher sets it to
 *                 the repository's {@code ffmpeg-profiles/}), else the copies bundled in the application
 * @param threads  recordings transcoded at once (partitions of {@code transcodeStep}); 0 = one per core, at most 4
 * @param make     the profiles to make, by name; empty = every profile of the folder
 */
@ConfigurationProperties("footage.transcode")
record TranscodeProperties(Path profiles, @DefaultValue("0") int threads, @DefaultValue List<String> make) {

    static final String PROFILES_ENV = "FOOTAGE_PROFILES";

    TranscodeProperties {
        if (threads < 0) {
            throw new IllegalArgumentException("footage.transcode.threads must not be negative: " + threads);
        }
        make = make == null ? List.of() : make.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        load(profiles, make);
    }

    int partitions() {
        return threads > 0 ? threads : Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** The profiles to make, checked. */
    Profiles load() {
        return load(profiles, make);
    }

    private static Profiles load(Path folder, List<String> make) {
        String fromEnvironment = System.getenv(PROFILES_ENV);
        if (folder == null && fromEnvironment != null && !fromEnvironment.isBlank()) {
            folder = Path.of(fromEnvironment);
        }
        Profiles all = folder == null ? Profiles.bundled() : Profiles.load(folder);
        return make.isEmpty() ? all : all.only(make);
    }
}
