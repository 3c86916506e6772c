package footage.pipeline.transcode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A validated set of profiles: every {@code *.properties} file of a folder (other files, such as the folder's
 * README.md, are ignored), or the copies bundled in this library for when no folder is at hand.
 */
public final class Profiles {

    static final String SUFFIX = ".properties";
    private static final String BUNDLED = "/footage/pipeline/transcode/profiles/";

    private final Map<String, Profile> byName;
    private final String source;

    private Profiles(Map<String, Profile> byName, String source) {
        this.byName = Collections.unmodifiableMap(byName);
        this.source = source;
    }

    /** Loads and checks every profile of the folder; the first problem fails the whole set. */
    public static Profiles load(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new ProfileException(folder + ": no such folder of transcode profiles");
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(folder)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new ProfileException(folder + ": cannot list the profiles: " + e.getMessage());
        }
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (Path file : files) {
            try {
                contents.put(file.toString(), Files.readAllBytes(file));
            } catch (IOException e) {
                throw new ProfileException(file + ": cannot read: " + e.getMessage());
            }
        }
        return of(contents, folder.toAbsolutePath().normalize().toString());
    }

    /** The shipped profiles ({@code ffmpeg-profiles/} of the repository) as bundled in this library. */
    public static Profiles bundled() {
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String name : new String(resource("index.txt"), StandardCharsets.UTF_8).lines()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
            contents.put("classpath:" + BUNDLED.substring(1) + name, resource(name));
        }
        return of(contents, "classpath:" + BUNDLED.substring(1));
    }

    /** Profiles from file contents keyed by the file's name as messages should show it. */
    static Profiles of(Map<String, byte[]> files, String source) {
        if (files.isEmpty()) {
            throw new ProfileException(source + ": no *" + SUFFIX + " profile in it");
        }
        Map<String, Profile> byName = new TreeMap<>();
        Map<String, String> suffixes = new HashMap<>();
        files.forEach((file, bytes) -> {
            String base = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf(':')) + 1);
            String expected = base.endsWith(SUFFIX) ? base.substring(0, base.length() - SUFFIX.length()) : null;
            Profile profile = ProfileParser.parse(file, expected, bytes);
            String other = suffixes.putIfAbsent(profile.outputSuffix(), file);
            if (other != null) {
                throw new ProfileException(file + ": " + ProfileParser.OUTPUT_SUFFIX + ": '" + profile.outputSuffix()
                        + "' is already the suffix of " + other + " (each profile needs its own)");
            }
            byName.put(profile.name(), profile);
        });
        return new Profiles(byName, source);
    }

    /** These profiles only, in the order given; an unknown name is an error naming the known ones. */
    public Profiles only(Collection<String> names) {
        Map<String, Profile> chosen = new LinkedHashMap<>();
        for (String name : names) {
            Profile p = byName.get(name);
            if (p == null) {
                throw new ProfileException("no profile named '" + name + "' in " + source + " (profiles: "
                        + String.join(", ", byName.keySet()) + ")");
            }
            chosen.put(name, p);
        }
        return new Profiles(chosen, source);
    }

    public List<Profile> all() {
        return new ArrayList<>(byName.values());
    }

    public Optional<Profile> get(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** Where they were loaded from: a folder, or the bundled copies. */
    public String source() {
        return source;
    }

    private static byte[] resource(String name) {
        try (InputStream in = Profiles.class.getResourceAsStream(BUNDLED + name)) {
            if (in == null) {
                throw new ProfileException("classpath:" + BUNDLED.substring(1) + name + ": missing from the library");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ProfileException("classpath:" + BUNDLED.substring(1) + name + ": " + e.getMessage());
        }
    }
}
