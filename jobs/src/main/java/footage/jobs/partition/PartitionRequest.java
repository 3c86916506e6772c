package footage.jobs.partition;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import footage.pipeline.text.Json;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What goes over the broker for one partition: the worker step's name and the partition's step execution id, as
 * JSON text. Not Spring Batch's serialised {@link StepExecutionRequest}: a worker must never deserialise Java objects
 * from a queue that other programs may write to.
 */
record PartitionRequest(String stepName, long stepExecutionId) {


    static PartitionRequest of(StepExecutionRequest request) {
        return new PartitionRequest(request.getStepName(), request.getStepExecutionId());
    }

    StepExecutionRequest toStepExecutionRequest() {
        return new StepExecutionRequest(stepName, stepExecutionId);
    }

    String toJson() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("schema", "footage-partition/1");
        fields.put("stepName", stepName);
        fields.put("stepExecutionId", stepExecutionId);
        try {
            return Json.MAPPER.writeValueAsString(fields);
        } catch (JacksonException e) {
            throw new IllegalStateException(e);
        }
    }

    static PartitionRequest parse(Object payload) {
        String text = payload instanceof byte[] bytes ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                : String.valueOf(payload);
        try {
            JsonNode node = Json.MAPPER.readTree(text);
            if (node == null || !"footage-partition/1".equals(node.path("schema").asString())
                    || !node.path("stepName").isString() || !node.path("stepExecutionId").canConvertToLong()) {
                throw new IllegalArgumentException("not a footage-partition/1 request: " + abbreviated(text));
            }
            return new PartitionRequest(node.get("stepName").asString(), node.get("stepExecutionId").asLong());
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviated(text), e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 120 ? text : text.substring(0, 120) + "…";
    }
}
