package footage.jobs.retention;

/** What a hold is on: every recording of a case (via its activities), or one recording. Exactly one is set. */
record HoldTarget(String caseNumber, Long recordingId) {

    HoldTarget {
        if ((caseNumber == null) == (recordingId == null)) {
            throw new IllegalArgumentException("a hold is on a case or on a recording");
        }
    }

    String label() {
        return caseNumber != null ? "case " + caseNumber : "recording " + recordingId;
    }
}
