package org.socialworkshop.ordering;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;
import org.socialworkshop.ordering.domain.OrderStatus;
import org.socialworkshop.platform.audit.AuditEntry;
import org.socialworkshop.shared.Money;

/**
 * An order as the buyer (with its access token) and staff see it; staff also get contact details and history.
 * See docs/api/orders.md.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record OrderView(UUID orderId, String orderNumber, OrderStatus status, Orders.@Nullable Stage fulfilmentStage,
        @Nullable String trackingNote, OffsetDateTime createdAt, @Nullable OffsetDateTime paidAt, OffsetDateTime payBy,
        Fulfilment fulfilment, List<Line> lines, List<Tax> taxes, Money total, Money refunded, @Nullable Payment payment,
        List<Refund> refunds, List<Receipt> receipts, @JsonUnwrapped @Nullable Staff staff) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Fulfilment(Orders.FulfilmentType type, @Nullable OffsetDateTime slot, @JsonUnwrapped Orders.@Nullable Address delivery,
            @Nullable String pickupAddress) {
    }

    public record Line(UUID lineId, Orders.LineKind kind, @Nullable UUID productId, String sku, String name, String variantName,
            int quantity, Money unitPrice, Money amount, BigDecimal taxRate, int refundedQuantity) {
    }

    public record Tax(BigDecimal rate, Money gross, Money tax) {
    }

    public record Payment(String provider, String status, boolean payable) {
    }

    public record Refund(UUID refundId, Money amount, String method, String status, boolean restocked, @Nullable String reason,
            OffsetDateTime createdAt) {
    }

    /** A receipt of the order: {@code url} is the public verification page ({@code /r/{code}}). */
    public record Receipt(String code, String url, String kind, String register, long number) {
    }

    /** What only staff see. */
    public record Staff(@Nullable String email, @Nullable String phone, @Nullable String name, @Nullable String note,
            List<AuditEntry> history) {
    }
}
