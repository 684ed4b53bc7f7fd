package org.socialworkshop.infra.k8s;

import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The part of Kubernetes' strategic merge patch that our overlays use: objects merge field by field, a null deletes a
 * field, and the lists of built-in kinds that Kubernetes merges by a key (containers and env by name, ...) merge by
 * that key; every other list, and every list of a custom resource (which kustomize patches as JSON merge patch), is
 * replaced. {@code KustomizeCrossCheckTest} compares the result with kustomize's where kubectl is installed.
 */
final class StrategicMerge {

    private static final Map<String, String> MERGE_KEYS = Map.of(
            "containers", "name",
            "initContainers", "name",
            "env", "name",
            "volumes", "name",
            "volumeMounts", "mountPath");

    private StrategicMerge() {
    }

    static void apply(ObjectNode target, ObjectNode patch) {
        merge(target, patch, builtIn(target.path("apiVersion").asString()));
    }

    /** Kinds of Kubernetes itself: the core group ("v1") and groups such as apps, policy, networking.k8s.io. */
    static boolean builtIn(String apiVersion) {
        int slash = apiVersion.indexOf('/');
        String group = slash < 0 ? "" : apiVersion.substring(0, slash);
        return group.isEmpty() || !group.contains(".") || group.endsWith(".k8s.io");
    }

    private static void merge(ObjectNode target, ObjectNode patch, boolean mergeListsByKey) {
        for (Map.Entry<String, JsonNode> field : patch.properties()) {
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode current = target.get(name);
            if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && current != null && current.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, mergeListsByKey);
            } else if (mergeListsByKey && value.isArray() && current != null && current.isArray() && MERGE_KEYS.containsKey(name)) {
                mergeList((ArrayNode) current, (ArrayNode) value, MERGE_KEYS.get(name), mergeListsByKey);
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    /** Items already there are merged in place; new ones go first, in the patch's order, as kustomize puts them. */
    private static void mergeList(ArrayNode target, ArrayNode patch, String key, boolean mergeListsByKey) {
        int inserted = 0;
        for (JsonNode item : patch) {
            ObjectNode match = null;
            for (JsonNode existing : target) {
                if (existing.path(key).equals(item.path(key))) {
                    match = (ObjectNode) existing;
                }
            }
            if (match == null) {
                target.insert(inserted++, item.deepCopy());
            } else {
                merge(match, (ObjectNode) item, mergeListsByKey);
            }
        }
    }
}
