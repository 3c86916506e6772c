package footage.jobs.console;

import footage.jobs.cli.Cli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class TlsInitCommandTests {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return new Cli(new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    @Test
    void makesASelfSignedKeystoreForTheHostAndAddressesWithAPasswordShownOnce() throws Exception {
        // given
        Path keystore = tmp.resolve("var/console.p12");

        // when
        int code = run("tls", "init", "--host", "footage.example", "--ip", "192.0.2.10", "--out", keystore.toString());

        // then
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Matcher password = Pattern.compile("keystore password \\(shown only this once\\): (\\S+)").matcher(out.toString(StandardCharsets.UTF_8));
        assertThat(password.find()).isTrue();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.group(1).toCharArray());
        }
        X509Certificate certificate = (X509Certificate) store.getCertificate(TlsInitCommand.ALIAS);
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=footage.example");
        assertThat(certificate.getIssuerX500Principal()).isEqualTo(certificate.getSubjectX500Principal());
        assertThat(certificate.getSubjectAlternativeNames()).contains(List.of(2, "footage.example"), List.of(7, "192.0.2.10"));
        assertThat(store.getKey(TlsInitCommand.ALIAS, password.group(1).toCharArray())).isInstanceOf(PrivateKey.class);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keystore))).as("the private key's store")
                .isEqualTo("rw-------");
    }

    @Test
    void neverOverwritesAKeystoreAndRefusesABadAddressInOneLine() throws Exception {
        // given
        Path existing = Files.writeString(tmp.resolve("console.p12"), "someone's keystore");

        // when
        int again = run("tls", "init", "--host", "footage.example", "--out", existing.toString());
        int badAddress = run("tls", "init", "--host", "footage.example", "--ip", "not-an-address", "--out", tmp.resolve("new.p12").toString());

        // then
        assertThat(again).isEqualTo(2);
        assertThat(badAddress).isEqualTo(2);
        assertThat(Files.readString(existing)).isEqualTo("someone's keystore");
        assertThat(tmp.resolve("new.p12")).doesNotExist();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).hasSize(2)
                .anySatisfy(l -> assertThat(l).contains("exists; a keystore is never overwritten"))
                .anySatisfy(l -> assertThat(l).contains("--ip must be an IPv4 or IPv6 address, not 'not-an-address'"));
    }
}
