package footage.jobs.report;

import footage.pipeline.text.DisplayText;

/** Escaping for the XHTML/SVG the report is written in (the PDF renderer parses it as XML, browsers as HTML). */
public final class Markup {

    private Markup() {
    }

    /** Text or attribute value: markup characters escaped, characters XML cannot carry replaced. */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                case '\n' -> b.append("&#10;");
                case '\t', '\r' -> b.append(' ');
                default -> {
                    if (DisplayText.isHidden(c)) {
                        // a control or bidi override in a name is shown, never acted on (the shared rule)
                        b.append(DisplayText.escapeControls(String.valueOf(c)));
                    } else if (c == 0xFFFE || c == 0xFFFF) {
                        b.append('\uFFFD');
                    } else if (Character.isSurrogate(c) && !validSurrogatePair(s, i)) {
                        b.append('\uFFFD');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static boolean validSurrogatePair(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
        }
        return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
    }
}
