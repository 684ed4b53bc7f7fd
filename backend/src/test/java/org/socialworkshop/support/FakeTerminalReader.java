package org.socialworkshop.support;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A Stripe Terminal reader in the fake Stripe (a BBPOS WisePOS E on a counter), with the one action it carries out at
 * a time; guarded by {@link FakeStripeState}.
 */
final class FakeTerminalReader {

    final String id;
    /** Set by the test: the reader does not answer Stripe, which then refuses to hand it an action. */
    boolean timesOut;
    @Nullable String intentId;
    @Nullable String actionStatus;
    @Nullable String failureCode;
    @Nullable String failureMessage;

    FakeTerminalReader(String id) {
        this.id = id;
    }

    boolean busy() {
        return "in_progress".equals(actionStatus);
    }

    void start(String intent) {
        intentId = intent;
        actionStatus = "in_progress";
        failureCode = null;
        failureMessage = null;
    }

    void fail(String code, String message) {
        actionStatus = "failed";
        failureCode = code;
        failureMessage = message;
    }

    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", id);
        json.put("object", "terminal.reader");
        if (actionStatus == null) {
            json.put("action", null);
        } else {
            Map<String, Object> action = new LinkedHashMap<>();
            action.put("type", "process_payment_intent");
            action.put("status", actionStatus);
            action.put("failure_code", failureCode);
            action.put("failure_message", failureMessage);
            action.put("process_payment_intent", Map.of("payment_intent", intentId));
            json.put("action", action);
        }
        json.put("device_type", "bbpos_wisepos_e");
        json.put("label", "Counter reader " + id);
        json.put("livemode", false);
        json.put("metadata", Map.of());
        json.put("serial_number", "WSC513105011295");
        json.put("status", timesOut ? "offline" : "online");
        return json;
    }
}
