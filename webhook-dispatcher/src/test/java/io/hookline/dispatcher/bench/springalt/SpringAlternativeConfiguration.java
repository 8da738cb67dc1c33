package io.hookline.dispatcher.bench.springalt;

import io.netty.channel.ChannelOption;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Spring alternative's beans, as a Spring team would wire them with Spring for Apache Kafka's documented
 * tuning: an idempotent {@code acks=all} producer; one consumer per partition ({@code concurrency} =
 * partitions) with {@code max.poll.records} 500; a Reactor Netty pool big enough for every record in flight
 * (the default pool, 2 x cores and at least 16 connections, would cap a 50 ms endpoint at 320/s); non-blocking
 * retries through retry topics ({@link RetryTopicConfiguration}, the bean form of {@code @RetryableTopic}: the
 * annotation's {@code @BackOff} only expresses fixed or exponential delays, the bean takes the benchmark's
 * schedule as a {@link ScheduleBackOff}). Deliberately not a {@code @Configuration}: the dispatcher
 * application's component scan covers this package on the test classpath, and must not pick it up;
 * {@link SpringAlternative} registers it explicitly.
 */
@EnableKafka
class SpringAlternativeConfiguration {

    @Bean
    DefaultKafkaProducerFactory<String, String> producerFactory(SpringAlternativeSettings settings) {
        return new DefaultKafkaProducerFactory<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 2,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    @Bean
    KafkaTemplate<String, String> kafkaTemplate(DefaultKafkaProducerFactory<String, String> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    ConsumerFactory<String, String> consumerFactory(SpringAlternativeSettings settings) {
        return new DefaultKafkaConsumerFactory<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, SpringAlternativeSettings.MAX_POLL_RECORDS,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }

    /** Record listeners (the deliveries and their retry topics): async return types, acked on completion. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory(
            ConsumerFactory<String, String> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = new ConcurrentKafkaListenerContainerFactory<>();
        factory.setConsumerFactory(consumerFactory);
        factory.setConcurrency(SpringAlternativeSettings.PARTITIONS);
        return factory;
    }

    /** The fan-out's batch listener: a poll's records in one call, committed after its sends are acknowledged. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> batchListenerContainerFactory(
            ConsumerFactory<String, String> consumerFactory) {
        ConcurrentKafkaListenerContainerFactory<String, String> factory = kafkaListenerContainerFactory(consumerFactory);
        factory.setBatchListener(true);
        return factory;
    }

    @Bean
    RetryTopicConfiguration retryTopics(SpringAlternativeSettings settings, KafkaTemplate<String, String> template,
            ConcurrentKafkaListenerContainerFactory<String, String> kafkaListenerContainerFactory) {
        return RetryTopicConfigurationBuilder.newInstance()
                .maxAttempts(settings.retryDelays().size() + 1)
                .customBackoff(new ScheduleBackOff(settings.retryDelays()))
                .suffixTopicsWithIndexValues()
                // one topic per delay even where delays repeat (1s, 1s, ...): a reused topic may only end the chain
                .sameIntervalTopicReuseStrategy(SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS)
                .includeTopic(settings.deliveriesTopic())
                .autoCreateTopicsWith(SpringAlternativeSettings.PARTITIONS, (short) 1)
                .listenerFactory(kafkaListenerContainerFactory)
                .create(template);
    }

    @Bean
    TaskScheduler taskScheduler() {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("alt-scheduler-");
        return scheduler;
    }

    @Bean
    WebClient webhookWebClient(SpringAlternativeSettings settings) {
        ConnectionProvider pool = ConnectionProvider.builder("alt-webhooks")
                .maxConnections(2 * SpringAlternativeSettings.PARTITIONS * SpringAlternativeSettings.MAX_POLL_RECORDS)
                .pendingAcquireMaxCount(-1)
                .build();
        HttpClient http = HttpClient.create(pool)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, 2_000)
                .responseTimeout(settings.attemptTimeout());
        return WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    @Bean
    AlternativeFanOut alternativeFanOut(SpringAlternativeSettings settings, KafkaTemplate<String, String> template) {
        return new AlternativeFanOut(settings, template, JsonMapper.builder().build());
    }

    @Bean
    AlternativeDelivery alternativeDelivery(SpringAlternativeSettings settings, WebClient webhookWebClient) {
        return new AlternativeDelivery(settings, webhookWebClient);
    }
}
