package org.socialworkshop.piecework;

import org.jspecify.annotations.Nullable;
import org.socialworkshop.piecework.domain.Reason;

/**
 * What a statement line says in plain words, once in Chinese and once in English (ADR 0028): the work and its
 * product ({@code 制作剪纸书签 12 件} / {@code Making: 12 × Paper-cut bookmark}), how a payout was paid
 * ({@code 现金支付} / {@code Paid in cash}), and for the other kinds of line what happened; never a code.
 */
final class StatementWording {

    /** A line's words in both languages. */
    record Words(String zh, String en) {
    }

    /** The work behind a WORK line: the operation and its product in both languages, and the accepted pieces. */
    record Work(String operationZh, String operationEn, String productZh, String productEn, int pieces) {
    }

    private StatementWording() {
    }

    static Words of(Reason reason, @Nullable Work work, @Nullable String payoutMethod, String memo) {
        return switch (reason) {
            case WORK -> work == null ? new Words("计件工作", "Piece work") : made(work);
            case PAYOUT -> paid(payoutMethod);
            case SALE_SHARE -> new Words("寄售分成", "Your share of a sale");
            case REFUND_SHARE -> new Words("退货扣回的分成", "Share given back for a refund");
            case TOP_UP -> new Words("补足最低工资", "Topped up to the minimum wage");
            case REVERSAL -> new Words("更正之前的一笔", "Correction of an earlier line");
            case ADJUSTMENT -> memo.isBlank() ? new Words("调整", "Adjustment")
                    : new Words("调整：" + memo.strip(), "Adjustment: " + memo.strip());
        };
    }

    private static Words made(Work work) {
        return new Words(work.operationZh() + work.productZh() + " " + work.pieces() + " 件",
                work.operationEn() + ": " + work.pieces() + " × " + work.productEn());
    }

    private static Words paid(@Nullable String method) {
        if (method == null) {
            return new Words("已付给手作人", "Paid to you");
        }
        return switch (method) {
            case "CASH" -> new Words("现金支付", "Paid in cash");
            case "BANK_TRANSFER" -> new Words("银行转账支付", "Paid by bank transfer");
            case "MOBILE_WALLET" -> new Words("转入手机钱包", "Paid to your mobile wallet");
            default -> new Words("已付给手作人", "Paid to you");
        };
    }
}
