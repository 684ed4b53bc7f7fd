package org.socialworkshop.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * What is around the app, in the base and in the rendered overlay: the database's read-write service and its backups,
 * the addresses and headers the app is told behind the ingress, the objects that find its pods, and no committed secret.
 */
class AroundTheAppTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theAppUsesTheDatabaseClustersReadWriteService(String folder) {
        List<ObjectNode> objects = Manifests.render(folder);
        ObjectNode cluster = Manifests.only(objects, "Cluster");
        String name = cluster.at("/metadata/name").asString();
        List<String> names = new ArrayList<>();
        String url = null;
        for (JsonNode variable : Manifests.container(objects).path("env")) {
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
        List<ObjectNode> objects = Manifests.render(folder);
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
    void behindTheIngressTheAppKnowsItsAddressAndTrustsForwardedHeaders(String folder) {
        List<ObjectNode> objects = Manifests.render(folder);
        ObjectNode ingress = Manifests.only(objects, "Ingress");
        String host = ingress.at("/spec/rules/0/host").asString();

        assertThat(Manifests.config(objects, "PUBLIC_URL")).isEqualTo("https://" + host);
        assertThat(Manifests.config(objects, "ALLOWED_HOSTS").split(",")).contains(host);
        assertThat(ingress.at("/spec/tls/0/hosts")).extracting(JsonNode::asString).contains(host);
        assertThat(Manifests.config(objects, "FORWARD_HEADERS")).isEqualTo("native");
        assertThat(Manifests.config(objects, "SECURE_COOKIES")).isEqualTo("true");
        assertThat(Manifests.config(objects, "DEMO_DATA")).isEqualTo("false");
        assertThat(ingress.at("/metadata/annotations/nginx.ingress.kubernetes.io~1force-ssl-redirect").asString()).isEqualTo("true");
    }

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theServiceIngressAutoscalerAndBudgetFindThePods(String folder) {
        List<ObjectNode> objects = Manifests.render(folder);
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
        List<ObjectNode> secrets = Manifests.render(folder).stream().filter(o -> o.path("kind").asString().equals("Secret")).toList();

        assertThat(secrets).isNotEmpty().allSatisfy(secret -> {
            assertThat(secret.has("data")).isFalse();
            assertThat(secret.path("stringData").size()).isPositive();
            secret.path("stringData").forEach(value -> assertThat(value.asString()).as(Manifests.id(secret)).isEmpty());
        });
    }
}
