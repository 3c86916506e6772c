package footage.pipeline.media;

import java.util.List;

import footage.pipeline.text.Json;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON form of probe results ({@code footage probe}). Built field by field rather than by
 * reflection so the field order and the explicit nulls are a stable contract for scripts.
 */
public final class ProbeJson {

    private ProbeJson() {
    }

    /** A pretty-printed JSON array with one object per file, in the given order. */
    public static String toJson(List<ProbeResult> results) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        results.forEach(result -> array.add(node(result)));
        return Json.MAPPER.writer(SerializationFeature.INDENT_OUTPUT).writeValueAsString(array);
    }

    private static ObjectNode node(ProbeResult result) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("file", result.file());
        node.put("readable", result.readable());
        node.put("error", result.error());
        node.put("kind", result.kind() == null ? null : result.kind().name());
        node.put("container", result.container());
        node.put("durationSeconds", result.durationSeconds());
        node.put("creationTime", result.creationTime());
        ArrayNode streams = node.putArray("streams");
        result.streams().forEach(stream -> streams.add(node(stream)));
        node.put("packetCount", result.packetCount());
        node.put("videoPacketCount", result.videoPacketCount());
        node.put("firstVideoTimestamp", result.firstVideoTimestamp());
        node.put("lastVideoTimestamp", result.lastVideoTimestamp());
        node.put("truncated", result.truncated());
        node.put("truncation", result.truncation());
        node.put("mediaSeconds", result.mediaSeconds());
        ArrayNode jumps = node.putArray("jumps");
        result.jumps().forEach(j -> jumps.addObject().put("fromSeconds", j.fromSeconds()).put("toSeconds", j.toSeconds()));
        node.put("scan", result.scan());
        node.set("photo", result.photo() == null ? null : node(result.photo()));
        return node;
    }

    private static ObjectNode node(PhotoFacts photo) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("codec", photo.codec());
        node.put("width", photo.width());
        node.put("height", photo.height());
        node.put("taken", photo.taken() == null ? null : photo.taken().toString());
        node.put("takenOffset", photo.takenOffset() == null ? null : photo.takenOffset().getId());
        node.put("takenProblem", photo.takenProblem());
        node.put("make", photo.make());
        node.put("model", photo.model());
        node.put("exifProblem", photo.exifProblem());
        return node;
    }

    private static ObjectNode node(StreamInfo stream) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        node.put("index", stream.index());
        node.put("type", stream.type());
        node.put("codec", stream.codec());
        node.put("codecTag", stream.codecTag());
        node.put("width", stream.width());
        node.put("height", stream.height());
        node.put("frameRate", stream.frameRate());
        node.put("sampleRate", stream.sampleRate());
        node.put("channels", stream.channels());
        return node;
    }
}
