package footage.pipeline.dump;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * File names as the bytes they are. A Linux name is any bytes; java.nio decodes it with {@code sun.jnu.encoding}
 * and maps bytes that are not valid there to U+FFFD, so {@code path.toString()} of a name like {@code clip_\xFF.mp4}
 * names another file (or none) when turned back into a path. A {@link Path} from a directory listing still holds the
 * true bytes, and its {@code file:} URI percent-encodes exactly those bytes; {@link Path#of(URI)} decodes them back
 * to the same bytes. So the bytes are read through {@link Path#toUri()} and a path is rebuilt from them through a URI:
 * plain java.nio, no native code, the same on every JDK.
 */
public final class RawNames {

    private static final HexFormat HEX = HexFormat.of();

    private RawNames() {
    }

    /** The bytes of {@code path} as the file system has them (absolute). */
    public static byte[] bytes(Path path) {
        String raw = path.toAbsolutePath().toUri().getRawPath();
        ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                out.write(Integer.parseInt(raw, i + 1, i + 3, 16));
                i += 2;
            } else {
                // the URI's raw path is ASCII: every other byte is percent-encoded
                out.write(c);
            }
        }
        byte[] b = out.toByteArray();
        // a directory's URI ends with '/'; the name does not
        return b.length > 1 && b[b.length - 1] == '/' ? java.util.Arrays.copyOf(b, b.length - 1) : b;
    }

    /** The bytes of {@code file}'s path below {@code dir}, '/'-separated. */
    public static byte[] relativeBytes(Path dir, Path file) {
        byte[] d = bytes(dir);
        byte[] f = bytes(file);
        if (f.length <= d.length + 1) {
            throw new IllegalArgumentException(file + " is not below " + dir);
        }
        return java.util.Arrays.copyOfRange(f, d.length + 1, f.length);
    }

    /**
     * How a name is shown and catalogued: its UTF-8 text, with each byte that is not valid UTF-8 written as
     * {@code \xFF}. Valid names come out unchanged; for the others the bytes are kept beside it ({@link #hex}).
     */
    public static String display(byte[] name) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(name)).toString();
        } catch (CharacterCodingException e) {
            return escapeInvalid(name);
        }
    }

    /** Whether {@link #display} shows these bytes as they are (valid UTF-8). */
    public static boolean isUtf8(byte[] name) {
        return java.util.Arrays.equals(display(name).getBytes(StandardCharsets.UTF_8), name);
    }

    public static String hex(byte[] name) {
        return HEX.formatHex(name);
    }

    /**
     * The path of a file below {@code dir} from its catalogued bytes ({@code rawHex}), else from its name when it has
     * none (a valid UTF-8 name).
     */
    public static Path resolve(Path dir, String path, String rawHex) {
        if (rawHex == null) {
            return dir.resolve(path);
        }
        byte[] base = bytes(dir);
        byte[] rel = HEX.parseHex(rawHex);
        StringBuilder uri = new StringBuilder("file://");
        appendEncoded(uri, base);
        uri.append('/');
        appendEncoded(uri, rel);
        return Path.of(URI.create(uri.toString()));
    }

    private static void appendEncoded(StringBuilder uri, byte[] bytes) {
        for (byte b : bytes) {
            int v = b & 0xFF;
            if ((v >= 'a' && v <= 'z') || (v >= 'A' && v <= 'Z') || (v >= '0' && v <= '9') || v == '/' || v == '-'
                    || v == '_' || v == '.' || v == '~') {
                uri.append((char) v);
            } else {
                uri.append('%').append(Character.toUpperCase(Character.forDigit(v >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(v & 0xF, 16)));
            }
        }
    }

    private static String escapeInvalid(byte[] name) {
        StringBuilder out = new StringBuilder(name.length + 8);
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(name);
        java.nio.CharBuffer chars = java.nio.CharBuffer.allocate(name.length * 2 + 4);
        while (in.hasRemaining()) {
            var result = decoder.decode(in, chars, true);
            if (result.isError()) {
                chars.flip();
                out.append(chars);
                chars.clear();
                for (int i = 0; i < result.length(); i++) {
                    out.append(String.format("\\x%02X", in.get() & 0xFF));
                }
            } else {
                break;
            }
        }
        decoder.flush(chars);
        chars.flip();
        out.append(chars);
        return out.toString();
    }
}
