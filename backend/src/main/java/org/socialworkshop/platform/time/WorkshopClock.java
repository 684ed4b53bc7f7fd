package org.socialworkshop.platform.time;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shop's clock, in the workshop's time zone ({@code workshop.time-zone}, Chengdu time by default) whatever zone
 * the server runs in: a day's work, a month's statement and a pickup slot belong to the workshop's calendar. Code
 * that decides days or months takes this {@link Clock} instead of asking the JVM, so tests can read the same
 * "today" and another instance can run at a fixed instant.
 */
@Configuration(proxyBeanMethods = false)
class WorkshopClock {

    @Bean
    Clock shopClock(@Value("${workshop.time-zone:Asia/Shanghai}") ZoneId zone) {
        return Clock.system(zone);
    }
}
