package org.socialworkshop.e2e;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.WebDriver;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs axe-core on the page as it is now and fails on anything that blocks or seriously hinders someone. */
final class Accessibility {

    private static final Set<String> BLOCKING = Set.of("serious", "critical");

    private Accessibility() {
    }

    static void assertNoSeriousViolations(WebDriver driver, String what) {
        Results results = new AxeBuilder().analyze(driver);
        if (results.isErrored()) {
            fail("axe could not check " + what + ": " + results.getErrorMessage());
        }
        List<Rule> blocking = results.getViolations().stream()
                .filter(rule -> BLOCKING.contains(rule.getImpact()))
                .toList();
        if (!blocking.isEmpty()) {
            fail(blocking.size() + " serious or critical accessibility violation(s) on " + what + ":\n"
                    + blocking.stream().map(Accessibility::describe).collect(Collectors.joining("\n")));
        }
    }

    /** One readable entry per rule: what is wrong, why, and where, with axe's own summary per element. */
    private static String describe(Rule rule) {
        String where = rule.getNodes().stream()
                .map(node -> "    at " + node.getTarget() + "\n      "
                        + String.valueOf(node.getFailureSummary()).replace("\n", "\n      "))
                .collect(Collectors.joining("\n"));
        return "  - " + rule.getId() + " [" + rule.getImpact() + "] " + rule.getHelp()
                + " (" + rule.getHelpUrl() + ")\n" + where;
    }
}
