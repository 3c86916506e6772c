package footage.jobs.report;

import footage.pipeline.text.DisplayText;

/** CSV cells that spreadsheets open as text, for every CSV export (reports, the access register). */
public final class SpreadsheetText {

    private SpreadsheetText() {
    }

    /**
     * A text cell made inert: spreadsheets read a cell starting with = + - @ (or a tab or CR before one) as a
     * formula, so such text gets an apostrophe. Numbers formatted by the caller are not passed through here: a
     * negative number is data, not a formula, and must stay a number.
     */
    public static String inert(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        // controls and bidi overrides (a name with U+202E) shown as escapes; a note's line feeds and tabs stay in its quoted cell
        value = DisplayText.escapeControls(value, true);
        char first = value.charAt(0);
        if (first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r') {
            return "'" + value;
        }
        return value;
    }
}
