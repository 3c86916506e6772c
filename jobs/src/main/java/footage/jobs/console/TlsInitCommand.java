package footage.jobs.console;

import footage.jobs.FootageCommand;
import footage.jobs.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code footage tls init --host NAME [--ip ADDRESS ...] --out FILE}: a self-signed PKCS12 keystore for a first
 * install, made by the JDK's own keytool (the JDK has no public API to sign a certificate). Its password is generated
 * and shown once; an existing file is never overwritten.
 */
@Command(name = "init", description = "a self-signed keystore for the console's HTTPS (first install)")
class TlsInitCommand implements FootageCommand {

    static final String ALIAS = "console";

    @Option(names = "--host", required = true, paramLabel = "NAME", description = "the name staff type to reach the console")
    private String host;

    @Option(names = "--ip", paramLabel = "ADDRESS", description = "an address it is reached by as well (repeatable)")
    private List<String> addresses = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "the new keystore, e.g. var/console.p12")
    private Path out;

    @Option(names = "--days", defaultValue = "825", paramLabel = "N", description = "validity (default ${DEFAULT-VALUE})")
    private int days;

    @Override
    public boolean needsContext() {
        return false;
    }

    @Override
    public int run(PrintStream stdout, PrintStream err) {
        if (!host.matches("[A-Za-z0-9]([A-Za-z0-9.-]{0,251}[A-Za-z0-9])?")) {
            throw new UsageException("--host must be a DNS name, not '" + host + "'");
        }
        StringBuilder san = new StringBuilder("SAN=dns:" + host);
        for (String address : addresses) {
            if (!address.matches("[0-9.]+|[0-9A-Fa-f:]+")) {
                throw new UsageException("--ip must be an IPv4 or IPv6 address, not '" + address + "'");
            }
            try {
                san.append(",ip:").append(InetAddress.getByName(address).getHostAddress());
            } catch (UnknownHostException e) {
                throw new UsageException("--ip must be an IPv4 or IPv6 address, not '" + address + "'");
            }
        }
        if (days < 1 || days > 3650) {
            throw new UsageException("--days must be between 1 and 3650");
        }
        Path target = out.toAbsolutePath().normalize();
        if (Files.exists(target)) {
            throw new UsageException(target + " exists; a keystore is never overwritten (move it away or name another file)");
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        try {
            Files.createDirectories(target.getParent());
            ProcessBuilder builder = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "RSA",
                    "-keysize", "3072", "-validity", Integer.toString(days), "-dname", "CN=" + host, "-ext", san.toString(),
                    "-storetype", "PKCS12", "-keystore", target.toString(), "-storepass:env", "FOOTAGE_TLS_PASSWORD", "-noprompt")
                    .redirectErrorStream(true);
            // the password goes by environment, not on a command line every user of the machine can list
            builder.environment().put("FOOTAGE_TLS_PASSWORD", password);
            Process process = builder.start();
            String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool failed: " + said.lines().reduce((a, b) -> b).orElse("no output"));
            }
            // keytool leaves the private key's store as the umask has it (readable by all under 022)
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-------"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + keytool + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while keytool ran", e);
        }
        stdout.println("tls: wrote " + target + " (PKCS12, alias " + ALIAS + ", RSA 3072, self-signed for " + san.substring(4)
                + ", " + days + " days)");
        stdout.println("tls: keystore password (shown only this once): " + password);
        stdout.println("tls: run: FOOTAGE_CONSOLE_TLS_KEYSTORE_PASSWORD=<password> footage serve --footage.console.tls.keystore="
                + target);
        return 0;
    }
}
