package footage.jobs.integrity;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A BagIt (RFC 8493) validator that shares nothing with the code that writes bags: it reads the text files itself
 * and lets coreutils' {@code sha256sum -c} recompute every manifest line in the bag folder. Checks: bagit.txt
 * declares version 1.0 and UTF-8; both manifests verify; every payload file is in the manifest and every manifest
 * line names an existing file under data/; the tag manifest covers every tag file; Payload-Oxum matches data/.
 */
final class IndependentBagValidator {

    private IndependentBagValidator() {
    }

    /** What is wrong with the bag; empty when it is valid. */
    static List<String> validate(Path bag) {
        List<String> errors = new ArrayList<>();
        try {
            List<String> declaration = Files.readAllLines(bag.resolve("bagit.txt"), StandardCharsets.UTF_8);
            if (!declaration.equals(List.of("BagIt-Version: 1.0", "Tag-File-Character-Encoding: UTF-8"))) {
                errors.add("bagit.txt is not a BagIt 1.0 declaration: " + declaration);
            }
            Map<String, String> payload = manifest(bag.resolve("manifest-sha256.txt"), errors);
            Map<String, String> tags = manifest(bag.resolve("tagmanifest-sha256.txt"), errors);
            sha256sumCheck(bag, "manifest-sha256.txt", errors);
            sha256sumCheck(bag, "tagmanifest-sha256.txt", errors);

            Set<String> onDisk = new HashSet<>();
            long octets = 0;
            try (Stream<Path> walk = Files.walk(bag.resolve("data"))) {
                for (Path p : walk.filter(Files::isRegularFile).toList()) {
                    onDisk.add(bag.relativize(p).toString());
                    octets += Files.size(p);
                }
            }
            for (String f : onDisk) {
                if (!payload.containsKey(f)) {
                    errors.add("payload file not in manifest-sha256.txt: " + f);
                }
            }
            for (String f : payload.keySet()) {
                if (!f.startsWith("data/")) {
                    errors.add("payload manifest names a file outside data/: " + f);
                } else if (!onDisk.contains(f)) {
                    errors.add("payload manifest names a missing file: " + f);
                }
            }
            try (Stream<Path> top = Files.walk(bag)) {
                for (Path p : top.filter(Files::isRegularFile).filter(p -> !p.startsWith(bag.resolve("data"))).toList()) {
                    String name = bag.relativize(p).toString();
                    if (!name.startsWith("tagmanifest-") && !tags.containsKey(name)) {
                        errors.add("tag file not in tagmanifest-sha256.txt: " + name);
                    }
                }
            }
            Map<String, String> info = bagInfo(bag.resolve("bag-info.txt"));
            String oxum = octets + "." + onDisk.size();
            if (!oxum.equals(info.get("Payload-Oxum"))) {
                errors.add("Payload-Oxum is " + info.get("Payload-Oxum") + " but data/ holds " + oxum);
            }
        } catch (IOException e) {
            errors.add("unreadable bag: " + e);
        }
        return errors;
    }

    static Map<String, String> bagInfo(Path file) throws IOException {
        Map<String, String> info = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                info.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        return info;
    }

    /** path -> hash; RFC 8493 §2.1.3: "checksum" whitespace "filepath", one per line. */
    private static Map<String, String> manifest(Path file, List<String> errors) throws IOException {
        Map<String, String> lines = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\\s+", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}")) {
                errors.add(file.getFileName() + ": not a manifest line: " + line);
                continue;
            }
            lines.put(parts[1].replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%"), parts[0]);
        }
        return lines;
    }

    private static void sha256sumCheck(Path bag, String manifest, List<String> errors) {
        try {
            Process p = new ProcessBuilder("sha256sum", "--check", "--strict", "--quiet", manifest)
                    .directory(bag.toFile()).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                errors.add("sha256sum -c " + manifest + " did not finish");
            } else if (p.exitValue() != 0) {
                errors.add("sha256sum -c " + manifest + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("sha256sum (coreutils) is needed to validate bags", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
