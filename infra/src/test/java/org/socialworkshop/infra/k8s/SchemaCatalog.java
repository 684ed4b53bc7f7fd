package org.socialworkshop.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON schema of each kind our manifests use, from the files in k8s/schemas (their README says where from). A kind
 * without a schema here is a problem, not a pass.
 */
final class SchemaCatalog {

    private static final Path SCHEMAS = Manifests.K8S.resolve("schemas");
    private static final String KUBERNETES = "kubernetes-v1.34.0/";
    private static final String CLOUDNATIVE_PG = "cloudnative-pg-v1.29.0/";
    private static final Map<String, String> FILES = Map.ofEntries(
            Map.entry("v1 ConfigMap", KUBERNETES + "configmap-v1.json"),
            Map.entry("v1 Secret", KUBERNETES + "secret-v1.json"),
            Map.entry("v1 ServiceAccount", KUBERNETES + "serviceaccount-v1.json"),
            Map.entry("v1 Service", KUBERNETES + "service-v1.json"),
            Map.entry("apps/v1 Deployment", KUBERNETES + "deployment-apps-v1.json"),
            Map.entry("networking.k8s.io/v1 Ingress", KUBERNETES + "ingress-networking-v1.json"),
            Map.entry("networking.k8s.io/v1 NetworkPolicy", KUBERNETES + "networkpolicy-networking-v1.json"),
            Map.entry("autoscaling/v2 HorizontalPodAutoscaler", KUBERNETES + "horizontalpodautoscaler-autoscaling-v2.json"),
            Map.entry("policy/v1 PodDisruptionBudget", KUBERNETES + "poddisruptionbudget-policy-v1.json"),
            Map.entry("postgresql.cnpg.io/v1 Cluster", CLOUDNATIVE_PG + "cluster_v1.json"),
            Map.entry("postgresql.cnpg.io/v1 ScheduledBackup", CLOUDNATIVE_PG + "scheduledbackup_v1.json"));

    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Schema> schemas = new HashMap<>();

    /** What is wrong with one object: empty when its schema accepts it. */
    List<String> problems(JsonNode object) {
        String type = object.path("apiVersion").asString() + " " + object.path("kind").asString();
        String file = FILES.get(type);
        if (file == null) {
            return List.of(type + ": no schema for this kind in " + SCHEMAS + " (add its file and a line in SchemaCatalog)");
        }
        Schema schema = schemas.computeIfAbsent(file, this::load);
        return schema.validate(object).stream().map(error -> Manifests.id(object) + ": " + error).toList();
    }

    private Schema load(String file) {
        try {
            ObjectNode schema = (ObjectNode) json.readTree(Files.readString(SCHEMAS.resolve(file)));
            // "http://json-schema.org/schema#" (the Kubernetes files' "latest draft") names no dialect the validator
            // knows; the files use nothing beyond draft 4, so they are read as the registry's default, draft 7.
            schema.remove("$schema");
            return registry.getSchema(file.startsWith(KUBERNETES) ? strict(schema) : schema);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Makes a schema refuse unknown fields: every object schema that lists its properties and says nothing of others
     * gets {@code additionalProperties: false} (what kubeconform's -strict and the "standalone-strict" schemas do).
     */
    static JsonNode strict(JsonNode schema) {
        if (schema.isObject()) {
            ObjectNode object = (ObjectNode) schema;
            if (object.has("properties") && object.path("properties").isObject() && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                strict(field.getValue());
            }
        } else if (schema.isArray()) {
            schema.forEach(SchemaCatalog::strict);
        }
        return schema;
    }
}
