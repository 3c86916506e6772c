package footage.pipeline.text;

/**
 * How a name or a value from a dump (file and folder names, manifest fields) is shown to a person: control and
 * bidirectional-formatting characters are written as visible escapes ({@code \u202E}), never passed on to a
 * terminal, a browser or a PDF that would act on them (a U+202E turns {@code clip_mp4.exe} into what looks like
 * another name, an ESC drives the terminal). Everything else is kept as it is. Machine formats (JSON, the catalog)
 * keep the true string.
 */
public final class DisplayText {

    private DisplayText() {
    }

    /** The text with every character that {@link #isHidden} escaped as {@code \}{@code uXXXX}; null stays null. */
    public static String escapeControls(String text) {
        return escapeControls(text, false);
    }

    /**
     * The same, keeping line feeds, carriage returns and tabs where the format carries them safely (a quoted CSV
     * cell holding a note); a name is never shown with {@code keepWhitespace}.
     */
    public static String escapeControls(String text, boolean keepWhitespace) {
        if (text == null) {
            return null;
        }
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1)));
            if ((isHidden(c) && !(keepWhitespace && (c == '\n' || c == '\r' || c == '\t'))) || lone) {
                if (out == null) {
                    out = new StringBuilder(text.length() + 16).append(text, 0, i);
                }
                out.append(String.format("\\u%04X", (int) c));
            } else {
                if (Character.isHighSurrogate(c) && i + 1 < text.length()) {
                    if (out != null) {
                        out.append(c);
                    }
                    c = text.charAt(++i);
                }
                if (out != null) {
                    out.append(c);
                }
            }
        }
        return out == null ? text : out.toString();
    }

    /**
     * C0 and C1 controls and DEL; the bidirectional marks, embeddings, overrides and isolates (U+061C, U+200E/F,
     * U+202A–202E, U+2066–2069); the line and paragraph separators (U+2028/9), which break a line like a newline.
     */
    public static boolean isHidden(char c) {
        return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x061C || c == 0x200E || c == 0x200F
                || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) || c == 0x2028 || c == 0x2029;
    }
}
