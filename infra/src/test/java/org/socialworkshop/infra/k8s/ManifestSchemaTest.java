package org.socialworkshop.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.node.ObjectNode;

/** Every manifest, as written and as the overlay renders it, is one the Kubernetes or CloudNativePG API accepts. */
class ManifestSchemaTest {

    private final SchemaCatalog schemas = new SchemaCatalog();

    @Test
    void theBaseIsValid() {
        List<ObjectNode> base = Kustomization.render(Manifests.BASE);

        assertThat(base).hasSize(Manifests.yamlFiles(Manifests.BASE).stream().mapToInt(f -> Manifests.read(f).size()).sum())
                .as("every file in the base is one of its resources");
        assertThat(base).flatExtracting(schemas::problems).isEmpty();
    }

    @Test
    void theSmallSiteOverlayRendersValid() {
        List<ObjectNode> site = Kustomization.render(Manifests.SMALL_SITE);

        assertThat(site).hasSameSizeAs(Kustomization.render(Manifests.BASE));
        assertThat(site).flatExtracting(schemas::problems).isEmpty();
        assertThat(site).allSatisfy(o -> assertThat(o.path("metadata").path("namespace").asString()).isEqualTo("social-workshop"));
    }

    @Test
    void theSecretTemplatesAreValid() {
        assertThat(Manifests.secrets()).hasSize(2).flatExtracting(schemas::problems).isEmpty();
    }

    @Test
    void theIngressControllersSettingsAreAValidConfigMap() {
        List<ObjectNode> settings = Manifests.read(Manifests.K8S.resolve("ingress-nginx/controller-settings.yaml"));

        assertThat(settings).hasSize(1).flatExtracting(schemas::problems).isEmpty();
    }

    @Test
    void aNumberWrittenAsWordsIsRefused() {
        ObjectNode deployment = deployment();
        ((ObjectNode) deployment.path("spec")).put("replicas", "two");

        assertThat(schemas.problems(deployment)).singleElement().asString().contains("/spec/replicas").contains("string");
    }

    @Test
    void aMisspeltFieldIsRefused() {
        ObjectNode container = (ObjectNode) deployment().path("spec").path("template").path("spec").path("containers").get(0);
        ObjectNode deployment = deployment();
        ObjectNode misspelt = (ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0);
        misspelt.set("readinesProbe", misspelt.remove("readinessProbe"));

        assertThat(schemas.problems(deployment)).singleElement().asString().contains("readinesProbe");
        assertThat(container.has("readinessProbe")).isTrue();
    }

    @Test
    void aMisspeltFieldOfTheDatabaseClusterIsRefused() {
        ObjectNode cluster = Manifests.parse("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: broken
                spec:
                  instance: 2
                  storage:
                    size: 1Gi
                """);

        assertThat(schemas.problems(cluster)).anySatisfy(p -> assertThat(p).contains("'instance' is not defined"));
    }

    @Test
    void aBrokenFileIsRefused() {
        ObjectNode service = Manifests.parse("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: broken
                spec:
                  ports:
                    - port: eighty
                  selector:
                    app: x
                """);

        assertThat(schemas.problems(service)).isNotEmpty();
    }

    @Test
    void aKindWithoutASchemaIsAProblemNotAPass() {
        ObjectNode job = Manifests.parse("""
                apiVersion: batch/v1
                kind: Job
                metadata:
                  name: no-schema
                """);

        assertThat(schemas.problems(job)).singleElement().asString().contains("no schema");
    }

    @Test
    void aKustomizeFeatureTheRendererDoesNotKnowIsRefused(@org.junit.jupiter.api.io.TempDir Path folder) throws Exception {
        java.nio.file.Files.writeString(folder.resolve("kustomization.yaml"), """
                resources: []
                configMapGenerator:
                  - name: x
                """);

        assertThatThrownBy(() -> Kustomization.render(folder)).hasMessageContaining("configMapGenerator");
    }

    private static ObjectNode deployment() {
        return Manifests.read(Manifests.BASE.resolve("deployment.yaml")).get(0);
    }
}
