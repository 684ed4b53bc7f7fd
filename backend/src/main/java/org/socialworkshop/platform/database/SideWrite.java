package org.socialworkshop.platform.database;

import java.util.function.UnaryOperator;

/**
 * A write that goes along in another statement, as one of its common table expressions, instead of taking a round trip
 * of its own: an outbox event, an audit entry ({@link Database#sql(String, java.util.List)}). PostgreSQL runs each such
 * expression to completion, whether or not the statement reads it. {@code sql} is the expression's INSERT, whose
 * parameters all begin with {@code name} and an underscore, so that they cannot meet the statement's own; {@code binds}
 * binds them.
 */
public record SideWrite(String name, String sql, UnaryOperator<Statement> binds) {

    public SideWrite {
        if (!name.matches("[a-z][a-z_]*")) {
            throw new IllegalArgumentException("A side write's name is lower case letters and underscores: " + name);
        }
    }
}
