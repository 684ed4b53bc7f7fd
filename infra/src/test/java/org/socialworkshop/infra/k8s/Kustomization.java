package org.socialworkshop.infra.k8s;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Renders a kustomization as {@code kubectl kustomize} does, for the features our base and overlays use: resources
 * (files and folders), namespace, images, and strategic-merge patches by file. Anything else in a kustomization.yaml
 * is refused, so an overlay cannot use a feature this renderer would silently get wrong (docs/adr/0031).
 */
final class Kustomization {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "images", "patches");

    private Kustomization() {
    }

    static List<ObjectNode> render(Path folder) {
        Path file = folder.resolve("kustomization.yaml");
        ObjectNode kustomization = Manifests.read(file).get(0);
        for (String field : kustomization.propertyNames()) {
            if (!SUPPORTED.contains(field)) {
                throw new IllegalArgumentException(file + ": '" + field + "' is not supported by the build's renderer; "
                        + "supported: " + SUPPORTED);
            }
        }
        List<ObjectNode> objects = new ArrayList<>();
        for (JsonNode resource : kustomization.path("resources")) {
            Path path = folder.resolve(resource.asString()).normalize();
            objects.addAll(Files.isDirectory(path) ? render(path) : Manifests.read(path));
        }
        for (JsonNode patch : kustomization.path("patches")) {
            if (patch.size() != 1 || !patch.has("path")) {
                throw new IllegalArgumentException(file + ": only patches given by 'path' are supported: " + patch);
            }
            for (ObjectNode change : Manifests.read(folder.resolve(patch.path("path").asString()))) {
                StrategicMerge.apply(target(objects, change, file), change);
            }
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(object -> setImage(object, image));
        }
        if (kustomization.has("namespace")) {
            String namespace = kustomization.path("namespace").asString();
            objects.forEach(object -> ((ObjectNode) object.path("metadata")).put("namespace", namespace));
        }
        return objects;
    }

    private static ObjectNode target(List<ObjectNode> objects, ObjectNode change, Path file) {
        String kind = change.path("kind").asString();
        String name = change.path("metadata").path("name").asString();
        List<ObjectNode> targets = objects.stream().filter(o -> Manifests.is(o, kind, name)).toList();
        if (targets.size() != 1) {
            throw new IllegalArgumentException(file + ": a patch for " + kind + " " + name + " matches " + targets.size()
                    + " objects");
        }
        return targets.get(0);
    }

    /** Replaces the name and tag of matching container images, as kustomize's images transformer does. */
    private static void setImage(ObjectNode object, JsonNode image) {
        JsonNode podSpec = object.path("spec").path("template").path("spec");
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : podSpec.path(list)) {
                String current = container.path("image").asString();
                String name = current.replaceFirst("[@:][^/]*$", "");
                if (name.equals(image.path("name").asString())) {
                    String newName = image.has("newName") ? image.path("newName").asString() : name;
                    String tag = image.has("newTag") ? ":" + image.path("newTag").asString()
                            : current.substring(name.length());
                    ((ObjectNode) container).put("image", newName + tag);
                }
            }
        }
    }
}
