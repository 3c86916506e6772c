package footage.jobs.report;

import footage.jobs.UsageException;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What the {@code report ...} commands share: the {@code --lang} option, and stdout or {@code --out FILE}. */
final class ReportOutput {

    @Option(names = "--lang", paramLabel = "zh-CN|en", description = "the report's language (default footage.report.locale, zh-CN)")
    private String lang;

    @Option(names = "--out", paramLabel = "FILE", description = "write to this new file instead of stdout")
    private String file;

    /** {@code --lang zh-CN|en}; null when not given (the configured footage.report.locale then). */
    Locale language() {
        if (lang == null) {
            return null;
        }
        try {
            return ReportProperties.language(lang);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * The bytes to stdout (as bytes: UTF-8 whatever the platform's encoding), or to {@code --out FILE}, a new file
     * written durably, then a line saying what was written: {@code <command>: wrote FILE (<what>, N bytes, sha256 …)}.
     */
    void write(byte[] bytes, String command, String what, PrintStream out) {
        if (file == null) {
            out.write(bytes, 0, bytes.length);
            out.flush();
            return;
        }
        Path target = Path.of(file).toAbsolutePath().normalize();
        if (Files.isDirectory(target)) {
            throw new UsageException("--out " + file + " is a folder; name a file");
        }
        try {
            ReportFiles.write(target, bytes, true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + target + ": " + e.getMessage(), e);
        }
        out.println(command + ": wrote " + target + " (" + what + ", " + bytes.length + " bytes, sha256 "
                + ReportFiles.sha256(bytes) + ")");
    }
}
