package org.socialworkshop.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Hooks;

/**
 * Errors Reactor drops because nobody is left to receive them ({@link Hooks#onErrorDropped}). Reactor logs each one at
 * ERROR with its whole stack; most are a client that went away while its answer was being written (a phone losing its
 * signal, a load generator stopping: "Connection has been closed BEFORE send operation"), which is no fault of the shop
 * and would bury real errors. Those, as Spring itself recognises them, are logged at DEBUG; every other dropped error
 * still at ERROR.
 */
@Component
class DroppedErrors implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(DroppedErrors.class);

    @Override
    public void afterPropertiesSet() {
        // Replaces, not adds: several application contexts in one JVM (tests) would otherwise log each error once each.
        Hooks.resetOnErrorDropped();
        Hooks.onErrorDropped(DroppedErrors::log);
    }

    @Override
    public void destroy() {
        Hooks.resetOnErrorDropped();
    }

    static void log(Throwable dropped) {
        if (DisconnectedClientHelper.isClientDisconnectedException(dropped)) {
            log.debug("A client went away before its answer was sent: {}", dropped.toString());
        } else {
            log.error("An error arrived after its request had ended, and was dropped", dropped);
        }
    }
}
