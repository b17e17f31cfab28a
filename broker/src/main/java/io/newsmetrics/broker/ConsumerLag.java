package io.newsmetrics.broker;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * How far a consumer group (or Streams application) is behind the end of a topic.
 *
 * @param records   records of the topic the group has not committed yet, over all partitions
 * @param committed whether the group has committed an offset on any partition of the topic
 */
public record ConsumerLag(long records, boolean committed) {

    /**
     * Measures the lag of {@code groupId} on {@code topic}.
     *
     * @throws ExecutionException when the cluster refuses a request (e.g. the topic does not exist)
     * @throws TimeoutException   when a request takes longer than {@code timeout}
     */
    public static ConsumerLag of(Admin admin, String groupId, String topic, Duration timeout)
            throws ExecutionException, TimeoutException, InterruptedException {
        Objects.requireNonNull(admin, "admin");
        long ms = timeout.toMillis();
        Map<TopicPartition, OffsetAndMetadata> done = admin.listConsumerGroupOffsets(groupId)
                .partitionsToOffsetAndMetadata().get(ms, TimeUnit.MILLISECONDS);
        List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames()
                .get(ms, TimeUnit.MILLISECONDS).get(topic).partitions().stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest())))
                .all().get(ms, TimeUnit.MILLISECONDS);
        long lag = 0;
        boolean committed = false;
        for (TopicPartition tp : partitions) {
            OffsetAndMetadata c = done.get(tp);
            committed |= c != null;
            lag += Math.max(0, ends.get(tp).offset() - (c == null ? 0 : c.offset()));
        }
        return new ConsumerLag(lag, committed);
    }
}
