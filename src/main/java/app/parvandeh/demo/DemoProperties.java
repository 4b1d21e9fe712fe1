package app.parvandeh.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code parvandeh.demo.*}: the one password every demo user shares (demo profile only). */
@ConfigurationProperties("parvandeh.demo")
record DemoProperties(String password) {}
