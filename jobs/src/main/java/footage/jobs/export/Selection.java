package footage.jobs.export;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What an export covers.
 *
 * @param externalIdentifier bag-info.txt's External-Identifier: the case number, or the device and time range
 * @param windows            the time windows asked for (one per enforcement activity of a case), with their devices
 */
record Selection(String externalIdentifier, List<Window> windows, List<ExportedRecording> recordings) {

    record Window(List<String> devices, List<String> officers, OffsetDateTime from, OffsetDateTime to) {
    }

    Selection {
        windows = List.copyOf(windows);
        recordings = List.copyOf(recordings);
    }

    OffsetDateTime from() {
        return windows.stream().map(Window::from).min(OffsetDateTime::compareTo).orElseThrow();
    }

    OffsetDateTime to() {
        return windows.stream().map(Window::to).max(OffsetDateTime::compareTo).orElseThrow();
    }

    long bytes() {
        return recordings.stream().mapToLong(ExportedRecording::size).sum();
    }
}
