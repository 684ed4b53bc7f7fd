package org.socialworkshop.infra.k8s;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.node.ObjectNode;

/**
 * The build renders the overlays in Java ({@link Kustomization}), so it needs no kubectl; where kubectl is installed
 * this checks that rendering gives exactly what {@code kubectl kustomize} gives. Without kubectl it is reported as
 * skipped, with the reason; the schema and rule checks run either way.
 */
class KustomizeCrossCheckTest {

    @ParameterizedTest
    @ValueSource(strings = {"base", "overlays/small-site"})
    void theBuildRendersAsKustomizeDoes(String folder, @TempDir Path temp) throws Exception {
        Path kubectl = kubectl().orElse(null);
        Assumptions.assumeTrue(kubectl != null,
                "kubectl is not installed: the Java rendering was not compared with kustomize's here (install kubectl to compare)");
        Path rendered = temp.resolve("rendered.yaml");
        Process process = new ProcessBuilder(kubectl.toString(), "kustomize", Manifests.K8S.resolve(folder).toString())
                .redirectOutput(rendered.toFile()).redirectError(temp.resolve("errors.txt").toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(Files.readString(temp.resolve("errors.txt"))).isZero();

        Map<String, ObjectNode> byKustomize = byId(Manifests.read(rendered));
        Map<String, ObjectNode> byTheBuild = byId(Kustomization.render(Manifests.K8S.resolve(folder)));

        assertThat(byTheBuild.keySet()).isEqualTo(byKustomize.keySet());
        byKustomize.forEach((id, object) -> assertThat(byTheBuild.get(id)).as(id).isEqualTo(object));
    }

    private static Map<String, ObjectNode> byId(List<ObjectNode> objects) {
        return objects.stream().collect(Collectors.toMap(Manifests::id, Function.identity()));
    }

    private static Optional<Path> kubectl() throws IOException {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).map(dir -> Path.of(dir, "kubectl")).filter(Files::isExecutable).findFirst();
    }
}
