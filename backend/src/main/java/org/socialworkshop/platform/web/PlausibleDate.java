package org.socialworkshop.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A date (or date-time, or month) in years this shop can mean: a work day, a price's start, a pickup time, a report's
 * month. ISO 8601 parsing takes {@code -0001-01-01} and {@code +57443-04-15}; such a date stored would break every
 * statement and report that later reads it. {@code null} is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PlausibleDate.Check.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlausibleDate {

    String message() default "must be in the years 2000 to 2100";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link PlausibleDate}. */
    final class Check implements ConstraintValidator<PlausibleDate, TemporalAccessor> {

        static final int FIRST_YEAR = 2000;
        static final int LAST_YEAR = 2100;

        @Override
        public boolean isValid(TemporalAccessor value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            int year = value.get(ChronoField.YEAR);
            return year >= FIRST_YEAR && year <= LAST_YEAR;
        }
    }
}
