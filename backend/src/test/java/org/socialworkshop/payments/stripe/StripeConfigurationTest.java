package org.socialworkshop.payments.stripe;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.socialworkshop.payments.PaymentProvider;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import static org.assertj.core.api.Assertions.assertThat;

/** Stripe is on exactly when a secret key is set, and then refuses to run without a webhook secret. */
class StripeConfigurationTest {

    /** As in the application: properties scanned from the root package, and the Stripe configuration. */
    @Configuration(proxyBeanMethods = false)
    @ConfigurationPropertiesScan(basePackageClasses = StripeSettings.class)
    @Import(StripeConfiguration.class)
    static class Application {
    }

    final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Application.class);

    @Test
    void withoutAKeyThereIsNoStripe() {
        context.run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(PaymentProvider.class)
                .doesNotHaveBean(StripeWebhooks.class));
        context.withPropertyValues("stripe.secret-key=", "stripe.webhook-secret=whsec_1")
                .run(app -> assertThat(app).hasNotFailed().doesNotHaveBean(PaymentProvider.class));
    }

    @Test
    void withAKeyAndAWebhookSecretStripeTakesPayments() {
        context.withPropertyValues("stripe.secret-key=sk_test_1", "stripe.webhook-secret=whsec_1", "stripe.api-base=")
                .run(app -> {
                    assertThat(app).hasNotFailed().hasSingleBean(StripeWebhooks.class).hasSingleBean(StripeSettings.class);
                    assertThat(app.getBean(PaymentProvider.class).name()).isEqualTo("stripe");
                    StripeSettings settings = app.getBean(StripeSettings.class);
                    assertThat(settings.apiBase()).isEqualTo("https://api.stripe.com");
                    assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.readTimeout()).isEqualTo(Duration.ofSeconds(10));
                });
    }

    @Test
    void aKeyWithoutAWebhookSecretStopsTheStart() {
        context.withPropertyValues("stripe.secret-key=sk_test_1")
                .run(app -> assertThat(app).getFailure().rootCause().hasMessageContaining("STRIPE_WEBHOOK_SECRET"));
    }
}
