# Parvandeh's image: the Maven build in one stage, the jar on a JRE 17 in the next, run as a user without rights.
# Built by docker-compose.yml (two nodes); alone: docker build -t parvandeh . && docker run -p 8080:8080 parvandeh
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# Dependencies first, so a change to the sources does not download them again.
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY processes processes
COPY forms forms
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 parvandeh \
    && useradd --system --uid 10001 --gid parvandeh --home-dir /app --shell /usr/sbin/nologin parvandeh \
    && mkdir -p /app /data && chown parvandeh:parvandeh /data
COPY --from=build /build/target/parvandeh-0.1.0-SNAPSHOT.jar /app/parvandeh.jar
USER 10001:10001
WORKDIR /app
# The data folder (documents' staging, upload temporary files, intake archives): a volume shared by the nodes.
ENV PARVANDEH_DATA_DIR=/data
VOLUME /data
EXPOSE 8080
# A node that ran out of heap may have lost any thread (once Tomcat's connection poller, so it stopped answering):
# it exits, and the orchestrator starts it again; the other node and the database keep every acknowledged write.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/parvandeh.jar"]
