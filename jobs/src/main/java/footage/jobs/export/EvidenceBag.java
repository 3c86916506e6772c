package footage.jobs.export;

import footage.jobs.fixity.ArchiveHasher;
import gov.loc.repository.bagit.domain.Manifest;
import gov.loc.repository.bagit.domain.Metadata;
import gov.loc.repository.bagit.domain.Version;
import gov.loc.repository.bagit.hash.StandardSupportedAlgorithms;
import gov.loc.repository.bagit.writer.BagitFileWriter;
import gov.loc.repository.bagit.writer.ManifestWriter;
import gov.loc.repository.bagit.writer.MetadataWriter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The BagIt 1.0 (RFC 8493) files around a payload that is already in {@code data/}: bagit.txt, the SHA-256 payload
 * manifest (from the hashes taken while copying), bag-info.txt, and last the tag manifest over every other file
 * outside {@code data/}. Written with the Library of Congress BagIt library.
 */
final class EvidenceBag {

    static final Version VERSION = new Version(1, 0);

    private final Path root;
    private final Map<Path, String> payload = new TreeMap<>();
    private long payloadBytes;

    EvidenceBag(Path root) {
        this.root = root;
    }

    Path data() {
        return root.resolve("data");
    }

    /** A payload file already written below data/, with the SHA-256 of its bytes. */
    void payload(Path file, String sha256, long size) {
        payload.put(manifestKey(file), sha256);
        payloadBytes += size;
    }

    long payloadBytes() {
        return payloadBytes;
    }

    int payloadFiles() {
        return payload.size();
    }

    /** Writes the bag's own files; returns the SHA-256 of tagmanifest-sha256.txt, which seals all of them. */
    String seal(List<Map.Entry<String, String>> info) throws IOException {
        BagitFileWriter.writeBagitFile(VERSION, StandardCharsets.UTF_8, root);
        Manifest manifest = new Manifest(StandardSupportedAlgorithms.SHA256);
        manifest.setFileToChecksumMap(payload);
        ManifestWriter.writePayloadManifests(Set.of(manifest), root, root, StandardCharsets.UTF_8);
        Metadata metadata = new Metadata();
        info.forEach(e -> metadata.add(e.getKey(), e.getValue()));
        metadata.upsertPayloadOxum(payloadBytes + "." + payload.size());
        MetadataWriter.writeBagMetadata(metadata, VERSION, root, StandardCharsets.UTF_8);
        Map<Path, String> tags = new TreeMap<>();
        for (Path tag : tagFiles()) {
            tags.put(tag, ArchiveHasher.hash(tag).sha256());
        }
        Manifest tagManifest = new Manifest(StandardSupportedAlgorithms.SHA256);
        tagManifest.setFileToChecksumMap(tags);
        ManifestWriter.writeTagManifests(Set.of(tagManifest), root, root, StandardCharsets.UTF_8);
        return ArchiveHasher.hash(root.resolve("tagmanifest-sha256.txt")).sha256();
    }

    private List<Path> tagFiles() throws IOException {
        List<Path> tags = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !p.startsWith(data()))
                    .filter(p -> !p.getFileName().toString().startsWith("tagmanifest-"))
                    .sorted().forEach(tags::add);
        }
        return tags;
    }

    /**
     * The path a manifest line names. RFC 8493 §2.1.3 asks for CR, LF and '%' to be percent-encoded; this library
     * (5.2.0, written before the RFC) encodes CR and LF only, so '%' is encoded here and the library leaves it.
     */
    private Path manifestKey(Path file) {
        Path relative = root.relativize(file);
        if (!relative.toString().contains("%")) {
            return file;
        }
        return root.resolve(relative.toString().replace("%", "%25"));
    }
}
