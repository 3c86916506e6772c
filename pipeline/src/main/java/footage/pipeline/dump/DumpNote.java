package footage.pipeline.dump;

import footage.pipeline.continuity.FindingKind;

/**
 * Something wrong with a dump that is no single file's problem but must be said (a finding on the dump): a manifest
 * entry listed twice under two spellings, a manifest value longer than the catalog keeps.
 *
 * @param kind   the finding's kind (DUPLICATE_ENTRY, MANIFEST_VALUE_TOO_LONG)
 * @param path   the file it concerns as catalogued, null when none
 * @param detail one-line reason
 */
public record DumpNote(FindingKind kind, String path, String detail) {
}
