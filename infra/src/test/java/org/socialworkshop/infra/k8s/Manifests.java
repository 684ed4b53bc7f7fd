package org.socialworkshop.infra.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** Reads Kubernetes manifests (YAML files of one or more documents) and finds objects among them. */
final class Manifests {

    static final Path K8S = Path.of("k8s");
    static final Path BASE = K8S.resolve("base");
    static final Path SMALL_SITE = K8S.resolve("overlays/small-site");
    /** Secrets' templates: filled and applied by hand, outside the kustomizations. */
    static final Path SECRETS = K8S.resolve("secrets");

    private static final YAMLMapper YAML = YAMLMapper.builder().build();

    private Manifests() {
    }

    /** Every non-empty document of a YAML file, each an object. */
    static List<ObjectNode> read(Path file) {
        List<ObjectNode> objects = new ArrayList<>();
        try (var documents = YAML.readerFor(JsonNode.class).<JsonNode>readValues(file.toFile())) {
            while (documents.hasNext()) {
                JsonNode document = documents.next();
                if (document == null || document.isNull() || document.isMissingNode()) {
                    continue;
                }
                if (!document.isObject()) {
                    throw new IllegalArgumentException(file + ": a document is not an object");
                }
                objects.add((ObjectNode) document);
            }
        }
        return objects;
    }

    /** The Secret templates, as they would be applied beside a kustomization's objects. */
    static List<ObjectNode> secrets() {
        return yamlFiles(SECRETS).stream().flatMap(file -> read(file).stream()).toList();
    }

    /** A kustomization rendered, with the Secrets an operator applies beside it. */
    static List<ObjectNode> render(String folder) {
        List<ObjectNode> objects = new ArrayList<>(Kustomization.render(K8S.resolve(folder)));
        objects.addAll(secrets());
        return objects;
    }

    /** The app's container. */
    static ObjectNode container(List<ObjectNode> objects) {
        return (ObjectNode) only(objects, "Deployment").at("/spec/template/spec/containers/0");
    }

    /** A setting in the ConfigMap. */
    static String config(List<ObjectNode> objects, String key) {
        return only(objects, "ConfigMap").path("data").path(key).asString();
    }

    static ObjectNode parse(String yaml) {
        return (ObjectNode) YAML.readTree(yaml);
    }

    /** The YAML files of a folder (not its sub-folders), kustomization.yaml left out. */
    static List<Path> yamlFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("kustomization.yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode one(List<ObjectNode> objects, String kind, String name) {
        List<ObjectNode> found = objects.stream().filter(o -> is(o, kind, name)).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " objects of kind " + kind + " named " + name);
        }
        return found.get(0);
    }

    static ObjectNode only(List<ObjectNode> objects, String kind) {
        List<ObjectNode> found = objects.stream().filter(o -> kind.equals(o.path("kind").asString())).toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " objects of kind " + kind + ", expected one");
        }
        return found.get(0);
    }

    static boolean is(JsonNode object, String kind, String name) {
        return kind.equals(object.path("kind").asString()) && name.equals(object.path("metadata").path("name").asString());
    }

    static String id(JsonNode object) {
        return object.path("apiVersion").asString() + " " + object.path("kind").asString() + " "
                + object.path("metadata").path("name").asString();
    }
}
