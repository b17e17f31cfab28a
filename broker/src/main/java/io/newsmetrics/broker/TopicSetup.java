package io.newsmetrics.broker;

import io.newsmetrics.model.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the pipeline's topics when they are missing; existing topics are left as they are. */
public final class TopicSetup {
    private TopicSetup() {
    }

    /**
     * Creates every topic of {@link Topics#ALL} that does not exist yet.
     *
     * @param bootstrapServers the cluster
     * @param partitions       partitions of each new topic
     * @param replication      replication factor of each new topic, or -1 for the broker's default
     * @return the topics this call created
     * @throws IllegalStateException when the cluster cannot be reached or refuses the topics
     */
    public static List<String> ensureTopics(String bootstrapServers, int partitions, short replication) {
        if (partitions < 1) {
            throw new IllegalArgumentException("partitions must be at least 1, was " + partitions);
        }
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (String name : Topics.ALL) {
                if (!existing.contains(name)) {
                    NewTopic topic = new NewTopic(name, Optional.of(partitions),
                            replication < 0 ? Optional.empty() : Optional.of(replication));
                    if (Topics.COMPACTED.contains(name)) {
                        topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
                    }
                    missing.add(topic);
                }
            }
            List<String> created = new ArrayList<>();
            for (var entry : admin.createTopics(missing).values().entrySet()) {
                try {
                    entry.getValue().get(30, TimeUnit.SECONDS);
                    created.add(entry.getKey());
                } catch (ExecutionException e) {
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e; // another instance creating the same topic at the same time is fine
                    }
                }
            }
            return created;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics on " + bootstrapServers, e);
        }
    }
}
