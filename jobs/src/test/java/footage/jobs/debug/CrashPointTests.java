package footage.jobs.debug;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CrashPointTests {

    @Test
    void aPointWithOrWithoutItsItemAndNoneWhenBlank() {
        // when
        CrashPoint second = CrashPoint.parse("footage.debug.pause-at", "after-rename:2");
        CrashPoint first = CrashPoint.parse("footage.debug.pause-at", "in-continuity");
        CrashPoint none = CrashPoint.parse("footage.debug.pause-at", " ");

        // then
        assertThat(second.is("after-rename", 2)).isTrue();
        assertThat(second.is("after-rename", 1)).isFalse();
        assertThat(second.is("mid-copy", 2)).isFalse();
        assertThat(first.is("in-continuity", 1)).isTrue();
        assertThat(first.is("in-continuity")).isTrue();
        assertThat(none.is("after-rename", 0)).isFalse();
        assertThat(none.is("after-rename")).isFalse();
    }

    @Test
    void aBadItemNumberIsRefusedInOneLineNamingTheProperty() {
        // when / then
        assertThatThrownBy(() -> CrashPoint.parse("footage.debug.sweep-pause-at", "after-copy:two"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("footage.debug.sweep-pause-at is <point>[:<n>] with n from 1, got 'after-copy:two'");
        assertThatThrownBy(() -> CrashPoint.parse("footage.debug.sweep-pause-at", "after-copy:0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
