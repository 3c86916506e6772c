package footage.jobs.csv;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvTests {

    @Test
    void readsQuotedCommasQuotesAndLineBreaksAndSkipsBlankLines() throws IOException {
        // given CRLF, LF and CR line ends, a blank line, a quote inside an unquoted field and text after a closing quote
        String text = "id,note\r\n1,\"a, \"\"b\"\"\nc\"\r\n\n2,x\"y\r3,\"ab\"cd\n,,\n\"\"";

        // when
        List<List<String>> records = Csv.parse(text);

        // then
        assertThat(records).containsExactly(List.of("id", "note"), List.of("1", "a, \"b\"\nc"), List.of("2", "x\"y"),
                List.of("3", "abcd"), List.of("", "", ""), List.of(""));
    }

    @Test
    void aFileEndingInsideAQuotedFieldIsRefusedWithOneLine() {
        // given
        String text = "id,note\n1,\"never closed\n";

        // then
        assertThatThrownBy(() -> Csv.parse(text)).isInstanceOf(IOException.class)
                .hasMessage("CSV ends inside a quoted field");
    }

    @Test
    void textIsMadeInertWhileNumbersAndDatesStayData() {
        // given a formula lead in every form, a negative number formatted by the caller, a date and a count
        List<List<?>> rows = List.of(Arrays.asList("=1+1", "+1", "-D1", "@admin", "\tcmd", "\rx", "plain", null,
                new Csv.Numeral("-2.5"), -3L, LocalDate.of(2021, 2, 17), "a\u202Eb"));

        // when
        String csv = Csv.write(rows, Csv.Quoting.WHEN_NEEDED);

        // then
        assertThat(csv).isEqualTo("'=1+1,'+1,'-D1,'@admin,'\tcmd,\"'\rx\",plain,,-2.5,-3,2021-02-17,a\\u202Eb\r\n");
        assertThat(Csv.inert("=1+1")).isEqualTo("'=1+1");
        assertThat(Csv.inert("plain")).isEqualTo("plain");
    }

    @Test
    void quotesWhenNeededOrAlways() {
        // given
        List<List<?>> rows = List.of(List.of("a,b", "say \"hi\"", "line one\nline two", "plain", 7L),
                Arrays.asList("", null, "x"));

        // when
        String needed = Csv.write(rows, Csv.Quoting.WHEN_NEEDED);
        String always = Csv.write(rows, Csv.Quoting.ALWAYS);

        // then a leading empty cell is quoted so that the line is not blank (Commons CSV), the rest only when needed
        assertThat(needed).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line one\nline two\",plain,7\r\n\"\",,x\r\n");
        assertThat(always).isEqualTo("\"a,b\",\"say \"\"hi\"\"\",\"line one\nline two\",\"plain\",\"7\"\r\n\"\",\"\",\"x\"\r\n");
    }
}
