package org.socialworkshop.receipts;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receipt key secret is read from {@code RECEIPT_KEY_SECRET}, the name the README, the Kubernetes Secret and the
 * warning in the log give it: an installation that sets it must not go on encrypting its keys with the demo secret.
 */
class ReceiptSettingsTest {

    @Test
    void theSecretComesFromTheVariableTheDocumentsName() throws IOException {
        assertThat(settings(Map.of("RECEIPT_KEY_SECRET", "kept-in-a-safe")).secret()).isEqualTo("kept-in-a-safe");
        assertThat(settings(Map.of("RECEIPT_KEY_SECRET", "kept-in-a-safe")).demoSecret()).isFalse();
        assertThat(settings(Map.of()).demoSecret()).as("unset: the demo secret, with a warning").isTrue();
    }

    private static ReceiptSettings settings(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        environment.getPropertySources().addFirst(new MapPropertySource("variables", variables));
        new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
                .forEach(source -> environment.getPropertySources().addLast(source));
        return Binder.get(environment).bindOrCreate("workshop.receipts", ReceiptSettings.class);
    }
}
