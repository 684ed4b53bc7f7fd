package org.socialworkshop.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
 * What the application needs from its manifests, in the base and in the rendered overlay: the Actuator probes, every
 * setting from the ConfigMap or Secret, the database's read-write service, graceful shutdown, a non-root read-only
 * container, and the addresses and headers it is told behind the ingress.
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
        ObjectNode app = container(render(folder));

        assertThat(app.at("/startupProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(app.at("/livenessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/liveness");
        assertThat(app.at("/readinessProbe/httpGet/path").asString()).isEqualTo("/actuator/health/readiness");
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertThat(app.path(probe).at("/httpGet/port").asString()).isEqualTo(app.at("/ports/0/name").asString());
        }
        assertThat(app.at("/ports/0/containerPort").asInt()).isEqualTo(Integer.parseInt(config(render(folder), "PORT")));
        JsonNode settings = applicationYaml();
        assertThat(settings.at("/management/endpoint/health/probes/enabled").asBoolean()).as("probes enabled in the app").isTrue();
        assertThat(settings.at("/management/endpoints/web/exposure/include").asString()).contains("health");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void everySettingTheAppReadsComesFromTheConfigMapOrTheSecret(String folder) throws IOException {
        List<ObjectNode> objects = render(folder);
        ObjectNode app = container(objects);
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
    void theAppUsesTheDatabaseClustersReadWriteService(String folder) {
        List<ObjectNode> objects = render(folder);
        ObjectNode cluster = Manifests.only(objects, "Cluster");
        String name = cluster.at("/metadata/name").asString();
        List<String> names = new ArrayList<>();
        String url = null;
        for (JsonNode variable : container(objects).path("env")) {
            names.add(variable.path("name").asString());
            if (variable.path("name").asString().equals("DATABASE_URL")) {
                url = variable.path("value").asString();
                break;
            }
            assertThat(variable.at("/valueFrom/secretKeyRef/name").asString()).isEqualTo(name + "-app");
        }

        assertThat(url).isNotNull();
        URI uri = URI.create(url.replace("$(DB_USER)", "user").replace("$(DB_PASSWORD)", "password"));
        assertThat(uri.getScheme()).isEqualTo("postgresql");
        assertThat(uri.getHost()).isEqualTo(name + "-rw");
        assertThat(uri.getPath()).isEqualTo("/" + cluster.at("/spec/bootstrap/initdb/database").asString());
        assertThat(names).as("variables DATABASE_URL refers to are defined before it").contains("DB_USER", "DB_PASSWORD");
        assertThat(cluster.at("/spec/instances").asInt()).as("a primary and a replica").isGreaterThanOrEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theDatabaseIsBackedUpToObjectStorageOnASchedule(String folder) {
        List<ObjectNode> objects = render(folder);
        ObjectNode cluster = Manifests.only(objects, "Cluster");
        ObjectNode backup = Manifests.only(objects, "ScheduledBackup");

        assertThat(cluster.at("/spec/backup/barmanObjectStore/destinationPath").asString()).startsWith("s3://");
        String credentials = cluster.at("/spec/backup/barmanObjectStore/s3Credentials/accessKeyId/name").asString();
        assertThat(Manifests.one(objects, "Secret", credentials).path("stringData").propertyNames())
                .contains(cluster.at("/spec/backup/barmanObjectStore/s3Credentials/accessKeyId/key").asString(),
                        cluster.at("/spec/backup/barmanObjectStore/s3Credentials/secretAccessKey/key").asString());
        assertThat(backup.at("/spec/cluster/name").asString()).isEqualTo(cluster.at("/metadata/name").asString());
        assertThat(backup.at("/spec/method").asString()).isEqualTo("barmanObjectStore");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void aPodIsGivenTimeToFinishItsRequests(String folder) throws IOException {
        ObjectNode deployment = Manifests.only(render(folder), "Deployment");
        ObjectNode app = container(render(folder));
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
        ObjectNode deployment = Manifests.only(render(folder), "Deployment");
        JsonNode pod = deployment.at("/spec/template/spec");
        ObjectNode app = container(render(folder));
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

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void behindTheIngressTheAppKnowsItsAddressAndTrustsForwardedHeaders(String folder) {
        List<ObjectNode> objects = render(folder);
        ObjectNode ingress = Manifests.only(objects, "Ingress");
        String host = ingress.at("/spec/rules/0/host").asString();

        assertThat(config(objects, "PUBLIC_URL")).isEqualTo("https://" + host);
        assertThat(config(objects, "ALLOWED_HOSTS").split(",")).contains(host);
        assertThat(ingress.at("/spec/tls/0/hosts")).extracting(JsonNode::asString).contains(host);
        assertThat(config(objects, "FORWARD_HEADERS")).isEqualTo("native");
        assertThat(config(objects, "SECURE_COOKIES")).isEqualTo("true");
        assertThat(config(objects, "DEMO_DATA")).isEqualTo("false");
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1force-ssl-redirect").asString()).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theServiceIngressAutoscalerAndBudgetFindThePods(String folder) {
        List<ObjectNode> objects = render(folder);
        ObjectNode deployment = Manifests.only(objects, "Deployment");
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");
        ObjectNode service = Manifests.only(objects, "Service");
        ObjectNode autoscaler = Manifests.only(objects, "HorizontalPodAutoscaler");
        ObjectNode budget = Manifests.only(objects, "PodDisruptionBudget");

        assertThat(service.at("/spec/selector")).isEqualTo(podLabels);
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(deployment.at("/spec/selector/matchLabels")).isEqualTo(podLabels);
        assertThat(Manifests.only(objects, "NetworkPolicy").at("/spec/podSelector/matchLabels")).isEqualTo(podLabels);
        assertThat(Manifests.only(objects, "Ingress").at("/spec/rules/0/http/paths/0/backend/service/name").asString())
                .isEqualTo(service.at("/metadata/name").asString());
        assertThat(autoscaler.at("/spec/scaleTargetRef/name").asString()).isEqualTo(deployment.at("/metadata/name").asString());
        assertThat(autoscaler.at("/spec/minReplicas").asInt()).isGreaterThanOrEqualTo(2)
                .isGreaterThan(budget.at("/spec/minAvailable").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void noSecretIsCommitted(String folder) {
        List<ObjectNode> secrets = render(folder).stream().filter(o -> o.path("kind").asString().equals("Secret")).toList();

        assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.has("data")).isFalse();
            assertThat(secret.path("stringData").size()).isPositive();
            secret.path("stringData").forEach(value -> assertThat(value.asString()).as(Manifests.id(secret)).isEmpty());
        });
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

    /** The rendered kustomization with the Secrets an operator applies beside it. */
    private static List<ObjectNode> render(String folder) {
        List<ObjectNode> objects = new ArrayList<>(Kustomization.render(Manifests.K8S.resolve(folder)));
        objects.addAll(Manifests.secrets());
        return objects;
    }

    private static ObjectNode container(List<ObjectNode> objects) {
        return (ObjectNode) Manifests.only(objects, "Deployment").at("/spec/template/spec/containers/0");
    }

    private static String config(List<ObjectNode> objects, String key) {
        return Manifests.only(objects, "ConfigMap").path("data").path(key).asString();
    }

    private static JsonNode applicationYaml() {
        return Manifests.read(APPLICATION_YAML).get(0);
    }
}
