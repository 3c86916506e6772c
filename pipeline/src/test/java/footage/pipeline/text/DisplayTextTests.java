package footage.pipeline.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayTextTests {

    @ParameterizedTest(name = "U+{0}")
    @ValueSource(strings = {"0000", "0007", "0009", "000A", "000D", "001B", "001F", "007F", "0080", "009B", "009F",
            "061C", "200E", "200F", "202A", "202B", "202C", "202D", "202E", "2066", "2067", "2068", "2069", "2028", "2029"})
    void aControlOrBidiCharacterIsShownAsAVisibleEscape(String hex) {
        // given
        char c = (char) Integer.parseInt(hex, 16);

        // when
        String shown = DisplayText.escapeControls("clip_" + c + "4pm.exe");

        // then
        assertThat(shown).isEqualTo("clip_\\u" + hex + "4pm.exe");
        assertThat(shown.chars().noneMatch(ch -> DisplayText.isHidden((char) ch))).isTrue();
    }

    @Test
    void ordinaryNamesInAnyScriptStayAsTheyAre() {
        // given names in Chinese, Arabic, with an emoji (a surrogate pair), a backslash
        for (String name : new String[]{"张三_0001.mp4", "مرحبا.mp4", "clip_\uD83C\uDFA5.mp4", "a\\b.mp4", ""}) {
            // then
            assertThat(DisplayText.escapeControls(name)).isEqualTo(name);
        }
        assertThat(DisplayText.escapeControls(null)).isNull();
    }

    @Test
    void aLoneSurrogateIsEscapedToo() {
        assertThat(DisplayText.escapeControls("a\uD800b")).isEqualTo("a\\uD800b");
    }
}
