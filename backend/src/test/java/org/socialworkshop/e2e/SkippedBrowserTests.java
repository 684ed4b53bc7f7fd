package org.socialworkshop.e2e;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Ends a run on a machine without Chromium with one line: how many browser tests were skipped, why, and how to
 * run them. Silent when none was skipped. A JUnit Platform listener (registered in
 * {@code META-INF/services}), since only the whole run knows the total.
 */
public final class SkippedBrowserTests implements TestExecutionListener {

    private static final String SKIPPED = "Browser tests skipped: ";

    private final AtomicLong skipped = new AtomicLong();
    private final AtomicReference<String> reason = new AtomicReference<>("");
    private volatile TestPlan plan;

    /** The skip of a browser test class for want of Chromium, in words this listener recognises. */
    static ConditionEvaluationResult because(String reason) {
        return ConditionEvaluationResult.disabled(SKIPPED + reason);
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
        skipped.set(0);
        reason.set("");
    }

    /**
     * A skipped class reports only itself, so its test methods are counted from the plan, as surefire counts
     * them: a parameterized test is one, since its invocations never came to be.
     */
    @Override
    public void executionSkipped(TestIdentifier identifier, String why) {
        if (!why.startsWith(SKIPPED)) {
            return;
        }
        long methods = isMethod(identifier) ? 1
                : plan.getDescendants(identifier).stream().filter(SkippedBrowserTests::isMethod).count();
        skipped.addAndGet(methods);
        reason.set(why.substring(SKIPPED.length()));
    }

    private static boolean isMethod(TestIdentifier identifier) {
        return identifier.getSource().filter(MethodSource.class::isInstance).isPresent();
    }

    /**
     * Written to standard error, which surefire passes through to the console after the last test class; its
     * own summary ("Tests run: …, Skipped: …") follows.
     */
    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        long count = skipped.get();
        if (count > 0) {
            System.err.printf("%d browser test%s skipped, %s: to run them, %s.%n", count,
                    count == 1 ? " was" : "s were", reason.get(), Chromium.HOW_TO_INSTALL);
        }
    }
}
