package footage.jobs.console;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code footage.console.tls.*}: HTTPS for the console once a keystore is named; plain HTTP without one.
 *
 * @param keystore         the keystore with the console's key and certificate (PKCS12 by default)
 * @param keystorePassword its password ({@code FOOTAGE_CONSOLE_TLS_KEYSTORE_PASSWORD})
 * @param keystoreType     {@code PKCS12} or {@code JKS}
 * @param keyAlias         the key's alias, when the keystore holds more than one
 */
@ConfigurationProperties("footage.console.tls")
record ConsoleTlsProperties(Path keystore, String keystorePassword, @DefaultValue("PKCS12") String keystoreType, String keyAlias) {

    ConsoleTlsProperties {
        if (keystore != null && !Files.isReadable(keystore)) {
            throw new IllegalArgumentException("footage.console.tls.keystore cannot be read: " + keystore);
        }
    }

    boolean enabled() {
        return keystore != null;
    }

    @Override
    public String toString() {
        return "ConsoleTlsProperties[keystore=" + keystore + ", keystorePassword=" + (keystorePassword == null ? "none" : "***")
                + ", keystoreType=" + keystoreType + ", keyAlias=" + keyAlias + "]";
    }
}
