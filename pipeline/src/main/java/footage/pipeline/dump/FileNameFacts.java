package footage.pipeline.dump;

import java.time.LocalDateTime;

/** What a recorder's file name says: device, officer, device-clock local start, sequence, officer's mark. */
public record FileNameFacts(String deviceId, String officerId, LocalDateTime deviceStart, String sequence,
                            boolean important) {
}
