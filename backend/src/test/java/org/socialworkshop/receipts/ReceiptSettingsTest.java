package org.socialworkshop.receipts;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    /**
     * A key sealed with the demo secret (as on an installation that set RECEIPT_KEY_SECRET before it was read) still
     * opens once the secret is read, so that the shop keeps issuing receipts; a key sealed with another secret does not.
     */
    @Test
    void aKeySealedWithTheDemoSecretStillOpensOnceTheSecretIsRead() throws GeneralSecurityException {
        PrivateKey key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair().getPrivate();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        byte[] sealedWithDemo = new ReceiptKeys(null, new ReceiptSettings(null, zone)).encrypt(key.getEncoded());
        ReceiptKeys withSecret = new ReceiptKeys(null, new ReceiptSettings("kept-in-a-safe", zone));
        assertThat(withSecret.decrypt(sealedWithDemo).getEncoded()).isEqualTo(key.getEncoded());
        assertThat(withSecret.decrypt(withSecret.encrypt(key.getEncoded())).getEncoded()).isEqualTo(key.getEncoded());

        byte[] sealedWithAnother = new ReceiptKeys(null, new ReceiptSettings("another-secret", zone)).encrypt(key.getEncoded());
        assertThatThrownBy(() -> withSecret.decrypt(sealedWithAnother)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("RECEIPT_KEY_SECRET");
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
