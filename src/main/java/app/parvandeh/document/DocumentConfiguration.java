package app.parvandeh.document;

import org.apache.tika.Tika;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DocumentProperties.class)
@EnableScheduling
class DocumentConfiguration {

  @Bean
  ContentStore contentStore(DocumentProperties properties) {
    return new FileSystemContentStore(properties.storeDir());
  }

  @Bean
  Tika tika() {
    return new Tika();
  }
}
