package org.socialworkshop.platform.web;

import java.io.IOException;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Operators;
import reactor.netty.channel.AbortedException;
import reactor.util.context.Context;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that went away is not logged as an error; any other dropped error still is, with its stack. */
class DroppedErrorsTest {

    private final DroppedErrors hook = new DroppedErrors();
    private final ListAppender<ILoggingEvent> ours = new ListAppender<>();
    private final ListAppender<ILoggingEvent> reactors = new ListAppender<>();
    private Level before;

    @BeforeEach
    void listen() {
        Logger logger = (Logger) LoggerFactory.getLogger(DroppedErrors.class);
        before = logger.getLevel();
        logger.setLevel(Level.DEBUG);
        ours.start();
        logger.addAppender(ours);
        reactors.start();
        ((Logger) LoggerFactory.getLogger(Operators.class)).addAppender(reactors);
        hook.afterPropertiesSet();
    }

    @AfterEach
    void stop() {
        hook.destroy();
        Logger logger = (Logger) LoggerFactory.getLogger(DroppedErrors.class);
        logger.detachAppender(ours);
        logger.setLevel(before);
        ((Logger) LoggerFactory.getLogger(Operators.class)).detachAppender(reactors);
    }

    @Test
    void aClientThatWentAwayIsDebugAndAnythingElseAnErrorWithItsStack() {
        Operators.onErrorDropped(AbortedException.beforeSend(), Context.empty());
        Operators.onErrorDropped(new IOException("Connection reset by peer"), Context.empty());
        Operators.onErrorDropped(new IllegalStateException("a bug"), Context.empty());

        List<ILoggingEvent> events = ours.list;
        assertThat(events).extracting(ILoggingEvent::getLevel).containsExactly(Level.DEBUG, Level.DEBUG, Level.ERROR);
        assertThat(events.get(2).getThrowableProxy().getMessage()).isEqualTo("a bug");
        assertThat(reactors.list).as("Reactor's own 'called default onErrorDropped' at ERROR").isEmpty();
    }

    @Test
    void withoutTheHookReactorLogsEveryDroppedErrorAtError() {
        hook.destroy();
        Operators.onErrorDropped(AbortedException.beforeSend(), Context.empty());

        assertThat(reactors.list).extracting(ILoggingEvent::getLevel).containsExactly(Level.ERROR);
        assertThat(ours.list).isEmpty();
    }
}
