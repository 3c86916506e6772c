package footage.pipeline.media;

/** A container's codec tag as text, the way ffprobe's codec_tag_string shows it ("avc1", "gpmd", "[27][0][0][0]"). */
final class Fourcc {

    private Fourcc() {
    }

    /** Four bytes, least significant first; letters, digits and ". -_" as they are, others as [decimal]. Null for 0. */
    static String of(int tag) {
        if (tag == 0) {
            return null;
        }
        StringBuilder text = new StringBuilder(8);
        for (int shift = 0; shift < 32; shift += 8) {
            int c = tag >>> shift & 0xff;
            boolean printable = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    || c == '.' || c == ' ' || c == '-' || c == '_';
            if (printable) {
                text.append((char) c);
            } else {
                text.append('[').append(c).append(']');
            }
        }
        return text.toString();
    }
}
