package app.parvandeh.document;

import java.time.Clock;
import org.apache.tika.Tika;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
@EnableScheduling
class DocumentConfiguration {

  /** One bean for both faces: the store every module reads and writes, and its copies for the fixity audit. */
  @Bean
  ReplicatedContentStore contentStore(DocumentProperties properties, JdbcTemplate jdbc,
      ApplicationEventPublisher events, Clock clock) {
    FileSystemContentStore replica = properties.replicaDir() == null || properties.replicaDir().toString().isBlank()
        ? null : new FileSystemContentStore(properties.replicaDir());
    return new ReplicatedContentStore(new FileSystemContentStore(properties.storeDir()), replica,
        new ReplicaBacklog(jdbc), events, clock);
  }

  @Bean
  Tika tika() {
    return new Tika();
  }
}
