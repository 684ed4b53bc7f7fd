package org.socialworkshop.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What the application needs from its Deployment, in the base and in the rendered overlay: the Actuator probes, every
 * setting from the ConfigMap or Secret, graceful shutdown, a non-root container on a read-only root. The database and
 * the network around the app: {@link AroundTheAppTest}.
 */
class AppOnKubernetesTest {

    private static final Path APPLICATION_YAML = Path.of("../backend/src/main/resources/application.yaml");
    private static final Path BACKEND_POM = Path.of("../backend/pom.xml");
    /** Settings bound by name rather than by a placeholder in application.yaml (relaxed binding of stripe.*, ...). */
    private static final List<String> BOUND_BY_NAME = List.of("STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE",
            "RECEIPT_KEY_SECRET", "SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "SPRING_MAIL_USERNAME", "SPRING_MAIL_PASSWORD");
    /** Only the embedded PostgreSQL reads it, and the cluster uses CloudNativePG's. */
    private static final Set<String> EMBEDDED_ONLY = Set.of("DATA_DIR");

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theProbesAskTheActuator(String folder) throws IOException {
        ObjectNode app = Manifests.container(Manifests.render(folder));

        assertThat(app.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(app.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(app.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(app.path(probe).at("/httpGet/port").asString()).isEqualTo(app.at("/ports/0/name").asString());
        }
        assertThat(app.at("/ports/0/containerPort").asInt()).isEqualTo(Integer.parseInt(Manifests.config(Manifests.render(folder), "PORT")));
        JsonNode settings = applicationYaml();
        assertThat(settings.at("/management/endpoint/health/probes/enabled").asBoolean()).as("probes enabled in the app").isTrue();
        assertThat(settings.at("/management/endpoints/web/exposure/include").asString()).contains("health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void everySettingTheAppReadsComesFromTheConfigMapOrTheSecret(String folder) throws IOException {
        List<ObjectNode> objects = Manifests.render(folder);
        ObjectNode app = Manifests.container(objects);
        Set<String> given = new HashSet<>();
        for (JsonNode source : app.path("envFrom")) {
            if (source.has("configMapRef")) {
                given.addAll(Manifests.one(objects, "ConfigMap", source.at("/configMapRef/name").asString()).path("data").propertyNames());
            } else {
                given.addAll(Manifests.one(objects, "Secret", source.at("/secretRef/name").asString()).path("stringData").propertyNames());
            }
        }
        app.path("env").forEach(variable -> given.add(variable.path("name").asString()));

        assertThat(given).containsAll(settingsTheAppReads());
        assertThat(app.path("env")).allSatisfy(variable -> assertThat(variable.has("value") || variable.has("valueFrom")).isTrue());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void aPodIsGivenTimeToFinishItsRequests(String folder) throws IOException {
        ObjectNode deployment = Manifests.only(Manifests.render(folder), "Deployment");
        ObjectNode app = Manifests.container(Manifests.render(folder));
        long preStop = app.at("/lifecycle/preStop/sleep/seconds").asLong();
        Duration shutdownPhase = Duration.parse("PT" + applicationYaml().at("/spring/lifecycle/timeout-per-shutdown-phase").asString());

        assertThat(applicationYaml().at("/server/shutdown").asString()).isEqualTo("graceful");
        assertThat(preStop).as("time for endpoints to drop the pod").isGreaterThanOrEqualTo(5);
        assertThat(deployment.at("/spec/template/spec/terminationGracePeriodSeconds").asLong())
                .isGreaterThan(preStop + shutdownPhase.toSeconds());
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theContainerRunsAsTheImagesUserOnAReadOnlyRoot(String folder) throws IOException {
        ObjectNode deployment = Manifests.only(Manifests.render(folder), "Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        ObjectNode app = Manifests.container(Manifests.render(folder));
        Matcher imageUser = Pattern.compile("<user>(\\d+):(\\d+)</user>").matcher(Files.readString(BACKEND_POM));

        assertThat(imageUser.find()).as("Jib's <user> in backend/pom.xml").isTrue();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(pod.at("/securityContext/runAsUser").asString()).isEqualTo(imageUser.group(1));
        assertThat(pod.at("/securityContext/runAsGroup").asString()).isEqualTo(imageUser.group(2));
        assertThat(app.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(app.at("/securityContext/allowPrivilegeEscalation").asBoolean()).isFalse();
        assertThat(app.at("/volumeMounts/0/mountPath").asString()).isEqualTo("/tmp");
        assertThat(pod.at("/volumes/0/emptyDir").isObject()).isTrue();
        for (String bound : List.of("requests", "limits")) {
            assertThat(app.path("resources").path(bound).propertyNames()).as(bound).contains("cpu", "memory");
        }
    }

    /** The environment variables application.yaml reads (its ${NAME:...} placeholders) and those bound by name. */
    static Set<String> settingsTheAppReads() throws IOException {
        Set<String> names = new TreeSet<>(BOUND_BY_NAME);
        Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]").matcher(Files.readString(APPLICATION_YAML));
        while (placeholder.find()) {
            names.add(placeholder.group(1));
        }
        names.removeAll(EMBEDDED_ONLY);
        assertThat(names).as("placeholders found in " + APPLICATION_YAML).contains("DATABASE_URL", "PUBLIC_URL", "METRICS_TOKEN");
        return names;
    }


    private static JsonNode applicationYaml() {
        return Manifests.read(APPLICATION_YAML).get(0);
    }
}
