package footage.jobs.partition;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

import static org.assertj.core.api.Assertions.assertThat;

class PendingRangePartitionerTests {

    private static List<PendingWork.Item> files(long... sizes) {
        List<PendingWork.Item> out = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            out.add(new PendingWork.Item(10 + i * 3L, sizes[i]));
        }
        return out;
    }

    private static void assertCoverEveryIdOnce(List<IdRange> ranges) {
        List<IdRange> nonEmpty = ranges.stream().filter(r -> !r.isEmpty()).toList();
        assertThat(nonEmpty.get(0).first()).isEqualTo(1);
        assertThat(nonEmpty.get(nonEmpty.size() - 1).last()).isEqualTo(Long.MAX_VALUE);
        for (int i = 1; i < nonEmpty.size(); i++) {
            assertThat(nonEmpty.get(i).first()).isEqualTo(nonEmpty.get(i - 1).last() + 1);
        }
    }

    private static long count(List<PendingWork.Item> files, IdRange r) {
        return files.stream().filter(f -> f.id() >= r.first() && f.id() <= r.last()).count();
    }

    @Test
    void equalSizedFilesAreSplitIntoEqualCountsAndEveryIdBelongsToExactlyOnePartition() {
        // given 64 files of the same size
        List<PendingWork.Item> pending = files(LongStream.range(0, 64).map(i -> 1000).toArray());

        // when they are cut into 8 partitions
        List<IdRange> ranges = PendingRangePartitioner.ranges(pending, 8);

        // then each holds 8 files and together they cover every id from 1 up
        assertThat(ranges).hasSize(8);
        assertThat(ranges).allSatisfy(r -> assertThat(count(pending, r)).isEqualTo(8));
        assertCoverEveryIdOnce(ranges);
    }

    @Test
    void partitionsBalanceBytesNotFileCounts() {
        // given one large recording among small ones
        List<PendingWork.Item> pending = files(4000, 1000, 1000, 1000, 1000, 1000, 1000, 1000, 1000);

        // when they are cut into 2 partitions
        List<IdRange> ranges = PendingRangePartitioner.ranges(pending, 2);

        // then the large one and two small ones make one half, the remaining six small ones the other
        assertThat(count(pending, ranges.get(0))).isEqualTo(3);
        assertThat(count(pending, ranges.get(1))).isEqualTo(6);
        assertCoverEveryIdOnce(ranges);
    }

    @Test
    void fewerFilesThanPartitionsStillGivesEveryPartitionItsName() {
        // given three files and a grid of eight
        List<PendingWork.Item> pending = files(10, 0, 10);

        // when partitioned
        List<IdRange> ranges = PendingRangePartitioner.ranges(pending, 8);

        // then there are eight ranges, each file in exactly one, the surplus ones empty
        assertThat(ranges).hasSize(8);
        assertThat(ranges.stream().mapToLong(r -> count(pending, r)).sum()).isEqualTo(3);
        assertThat(ranges.stream().filter(IdRange::isEmpty)).hasSize(4);
        assertCoverEveryIdOnce(ranges);
    }

    @Test
    void nothingPendingGivesOneOpenRangeAndEmptyOnes() {
        // given no pending file
        // when partitioned
        List<IdRange> ranges = PendingRangePartitioner.ranges(List.of(), 4);

        // then a file registered later still falls into a partition
        assertThat(ranges).containsExactly(new IdRange(1, Long.MAX_VALUE), IdRange.EMPTY, IdRange.EMPTY, IdRange.EMPTY);
    }

    @Test
    void theRangeTravelsInTheExecutionContext() {
        // given a range
        IdRange range = new IdRange(17, 42);

        // when it is put into a partition's execution context and read back
        IdRange back = IdRange.of(range.context());

        // then it is the same
        assertThat(back).isEqualTo(range);
        assertThat(back.isEmpty()).isFalse();
    }
}
