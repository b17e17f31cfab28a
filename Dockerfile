# One image for every newsmetrics service; the command chooses which (see docker-compose.yml).
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q -DskipTests -Dmaven.test.skip=true package

FROM eclipse-temurin:17-jre
# curl serves the compose health checks
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY --from=build /src/launcher/target/newsmetrics.jar /app/newsmetrics.jar
VOLUME /data
EXPOSE 8080
# the JVM settings of the newsmetrics script (see there and README, Benchmarks)
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:CompileThresholdScaling=2", "-XX:+UseTransparentHugePages", "-jar", "/app/newsmetrics.jar"]
CMD ["up", "--data-dir", "/data"]
