package footage.pipeline.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceFileTests {

    @TempDir
    Path dir;

    @Test
    void opensTheRegisteredFileAndReadsItsHead() throws Exception {
        // given
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path file = Files.writeString(dump.resolve("a.txt"), "hello");
        SourceFile.Registered registered = SourceFile.observe(file);

        // when
        try (SourceFile opened = SourceFile.open(dump, file, registered)) {
            // then
            assertThat(new String(opened.head(3))).isEqualTo("hel");
            assertThat(opened.size()).isEqualTo(5);
        }
    }

    @Test
    void aLinkInPlaceOfTheRegisteredFileIsRefusedWithoutBeingFollowed() throws Exception {
        // given a registered file replaced by a link to a file outside the dump
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path file = Files.writeString(dump.resolve("a.txt"), "hello");
        SourceFile.Registered registered = SourceFile.observe(file);
        Path secret = Files.writeString(dir.resolve("secret"), "secret");
        Files.delete(file);
        Files.createSymbolicLink(file, secret);

        // when / then
        assertThatThrownBy(() -> SourceFile.open(dump, file, registered)).isInstanceOf(SourceFile.Replaced.class)
                .hasMessageContaining("symbolic link");
    }

    @Test
    void aFolderOnThePathSwappedForALinkOutOfTheDumpIsRefused() throws Exception {
        // given
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path sub = Files.createDirectories(dump.resolve("LOG"));
        Path file = Files.writeString(sub.resolve("a.log"), "hello");
        SourceFile.Registered registered = SourceFile.observe(file);
        Path elsewhere = Files.createDirectories(dir.resolve("elsewhere"));
        Files.move(file, elsewhere.resolve("a.log"));
        Files.delete(sub);
        Files.createSymbolicLink(sub, elsewhere);

        // when / then
        assertThatThrownBy(() -> SourceFile.open(dump, file, registered)).isInstanceOf(SourceFile.Replaced.class)
                .hasMessageContaining("a folder on the file's path was replaced by a link");
    }

    @Test
    void aDumpFolderSwappedForALinkIsRefused() throws Exception {
        // given a dump folder moved away and replaced by a link to where it went
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path file = Files.writeString(dump.resolve("a.txt"), "hello");
        SourceFile.Registered registered = SourceFile.observe(file);
        Files.move(dump, dir.resolve("moved"));
        Files.createSymbolicLink(dump, dir.resolve("moved"));

        // when / then
        assertThatThrownBy(() -> SourceFile.open(dump, file, registered)).isInstanceOf(SourceFile.Replaced.class)
                .hasMessageContaining("the dump folder was replaced by a symbolic link");
    }

    @Test
    void aFileGrownSinceRegistrationIsChangingAndSaysItsNewSize() throws Exception {
        // given
        Path dump = Files.createDirectories(dir.resolve("dump"));
        Path file = Files.writeString(dump.resolve("a.mp4"), "hello");
        SourceFile.Registered registered = SourceFile.observe(file);
        Files.writeString(file, " world", StandardOpenOption.APPEND);

        // when / then
        assertThatThrownBy(() -> SourceFile.open(dump, file, registered)).isInstanceOfSatisfying(SourceFile.Changing.class,
                e -> {
                    assertThat(e.getMessage()).contains("its size went from 5 to 11 bytes");
                    assertThat(e.now().size()).isEqualTo(11);
                });
    }

    @Test
    void anotherNodesMountOfTheSameFileSystemComparesInodesOnly() throws Exception {
        // given the dump folder's own device number, as this node sees it
        Path dump = Files.createDirectories(dir.resolve("dump"));
        String folderKey = Files.readAttributes(dump, java.nio.file.attribute.BasicFileAttributes.class).fileKey().toString();
        String dev = folderKey.substring(folderKey.indexOf("dev=") + 4, folderKey.indexOf(','));

        // then a key registered on another mount (another device number) is the same file when the inode is
        assertThat(SourceFile.sameFile("(dev=ffff,ino=42)", "(dev=" + dev + ",ino=42)", dump)).isTrue();
        assertThat(SourceFile.sameFile("(dev=ffff,ino=42)", "(dev=" + dev + ",ino=43)", dump)).isFalse();
        // but on this node's own view another device is another file
        assertThat(SourceFile.sameFile("(dev=" + dev + ",ino=42)", "(dev=ffff,ino=42)", dump)).isFalse();
    }
}
