package org.socialworkshop;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Social Workshop Commerce: one reactive application for the online shop, corporate orders and the
 * on-site POS of a social enterprise where disabled people make and sell things.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class WorkshopApplication {

    public static void main(String[] args) {
        SpringApplication.run(WorkshopApplication.class, args);
    }
}
