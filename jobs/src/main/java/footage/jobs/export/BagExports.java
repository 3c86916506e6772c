package footage.jobs.export;

import footage.jobs.UsageException;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Evidence packages for other features (the console's export of an approved external request, issue 17): the same
 * {@link Exporter} as {@code footage export} (archive objects re-hashed as they are copied, the gap report, the ledger
 * extract, bag-info.txt, the tag manifest, the EXPORTED ledger entry), over the recordings a request names.
 */
@Component
public class BagExports {

    /**
     * A sealed bag.
     *
     * @param files            payload files (one per recording)
     * @param sizeBytes        every file of the bag, tag files included
     * @param tagManifestSha256 the SHA-256 of tagmanifest-sha256.txt, which seals every other file of the bag
     * @param pdfProblem       why there is no gap-report.pdf, or null
     */
    public record Bag(Path folder, int files, long payloadBytes, long sizeBytes, String tagManifestSha256,
                      String pdfProblem) {
    }

    /** What {@code footage export} refuses or stops on (nothing to export, no organisation, evidence that does not verify). */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private final ExportProperties export;
    private final ExportSelector selector;
    private final Exporter exporter;

    BagExports(ExportProperties export, ExportSelector selector, Exporter exporter) {
        this.export = export;
        this.selector = selector;
        this.exporter = exporter;
    }

    /** Whether bag-info.txt can name the Source-Organization ({@code footage.export.organization}). */
    public boolean organizationSet() {
        return export.organization() != null && !export.organization().isBlank();
    }

    /**
     * Writes the bag of what a request names (recordings by id, and a case number or activity id) into {@code out}, a
     * new folder, with {@code externalIdentifier} as bag-info.txt's External-Identifier and {@code actor} on the
     * EXPORTED entry. On failure nothing of it is left.
     */
    public Bag exportRequest(String externalIdentifier, List<Long> recordingIds, String caseRef, Path out, String actor)
            throws IOException {
        if (!organizationSet()) {
            throw new Refused("footage.export.organization is not set: bag-info.txt must name the Source-Organization");
        }
        if (Files.exists(out)) {
            throw new Refused(out + " exists already; a bag goes into a new folder");
        }
        Exporter.Result r;
        try {
            r = exporter.export(selector.byRequest(externalIdentifier, recordingIds, caseRef), out, actor);
        } catch (UsageException | Exporter.IntegrityException e) {
            throw new Refused(e.getMessage());
        }
        long size;
        try (Stream<Path> walk = Files.walk(out)) {
            size = walk.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        return new Bag(out, r.files(), r.bytes(), size, r.tagManifestSha256(), r.pdfProblem());
    }

    /**
     * The bag as one zip, streamed: its folder's name as the top entry, files in path order, stored without
     * compression (footage does not shrink, and the bytes are the evidence's own).
     */
    public static void zip(Path bag, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.NO_COMPRESSION);
        String top = bag.getFileName().toString();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(bag)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            zip.putNextEntry(new ZipEntry(top + "/" + bag.relativize(f).toString().replace('\\', '/')));
            Files.copy(f, zip);
            zip.closeEntry();
        }
        zip.finish();
    }
}
