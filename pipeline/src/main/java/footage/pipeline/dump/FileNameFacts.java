package footage.pipeline.dump;

import java.time.LocalDateTime;

/**
 * What a recorder's file name says: device, officer, device-clock local start, sequence, officer's mark.
 *
 * @param deviceStart  null when the name's date or time is not a real one (then {@code timeProblem} says why)
 * @param timeProblem  one line, e.g. "file name date 20240230 is not a real date (Invalid date 'FEBRUARY 30')";
 *                     null when the name's time was read
 */
public record FileNameFacts(String deviceId, String officerId, LocalDateTime deviceStart, String sequence,
                            boolean important, String timeProblem) {
}
