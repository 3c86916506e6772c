package footage.jobs.partition;

import org.junit.jupiter.api.Test;
import org.springframework.batch.integration.partition.StepExecutionRequest;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PartitionRequestTests {

    @Test
    void aRequestGoesOverTheBrokerAsJsonTextAndComesBackTheSame() {
        // given Spring Batch's request for a partition
        StepExecutionRequest request = new StepExecutionRequest("ingestFilesWorkerStep", 42L);

        // when it is written for the broker and read by a worker, as text or as bytes
        String json = PartitionRequest.of(request).toJson();
        PartitionRequest fromText = PartitionRequest.parse(json);
        PartitionRequest fromBytes = PartitionRequest.parse(json.getBytes(StandardCharsets.UTF_8));

        // then the worker gets the same step and step execution
        assertThat(json).isEqualTo("{\"schema\":\"footage-partition/1\",\"stepName\":\"ingestFilesWorkerStep\",\"stepExecutionId\":42}");
        assertThat(fromText).isEqualTo(new PartitionRequest("ingestFilesWorkerStep", 42));
        assertThat(fromBytes).isEqualTo(fromText);
        assertThat(fromText.toStepExecutionRequest().getStepExecutionId()).isEqualTo(42L);
        assertThat(fromText.toStepExecutionRequest().getStepName()).isEqualTo("ingestFilesWorkerStep");
    }

    @Test
    void anythingElseOnTheQueueIsRefusedWithAReason() {
        // given messages another program might have put on the queue
        // when a worker reads them
        // then each is refused, saying what it was
        assertThatThrownBy(() -> PartitionRequest.parse("hello")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> PartitionRequest.parse("{\"stepName\":\"x\",\"stepExecutionId\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a footage-partition/1 request");
        assertThatThrownBy(() -> PartitionRequest.parse("{\"schema\":\"footage-partition/1\",\"stepName\":\"x\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theRoleIsOneOfThreeWhateverItsCase() {
        // given role names as an operator might type them
        // when parsed
        // then they name the roles, and anything else is refused with the property's name
        assertThat(NodeRole.parse("Manager")).isEqualTo(NodeRole.MANAGER);
        assertThat(NodeRole.parse("worker ")).isEqualTo(NodeRole.WORKER);
        assertThat(NodeRole.parse("all").label()).isEqualTo("all");
        assertThatThrownBy(() -> NodeRole.parse("boss")).hasMessage("footage.role must be all, manager or worker, not 'boss'");
    }
}
