package footage.pipeline.text;

import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of the project (Jackson 3, as Spring Boot brings it). The jobs application registers this very
 * instance as its {@code JsonMapper} bean, so code without Spring (this module, static helpers) and beans write JSON
 * alike. Left at Jackson's defaults on purpose: the ledger's canonical form, the gap-report JSON and the manifests are
 * contracts whose bytes tests pin; a writer that needs more (indentation, sorted keys) asks for it per call.
 */
public final class Json {

    public static final JsonMapper MAPPER = JsonMapper.builder().build();

    private Json() {
    }
}
