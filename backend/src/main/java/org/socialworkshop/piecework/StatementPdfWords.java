package org.socialworkshop.piecework;

import org.socialworkshop.shared.Language;
import tools.jackson.databind.JsonNode;

/**
 * The statement PDF's words in one language. A line's words come from the signed content ({@code whatZh} /
 * {@code whatEn}); statements signed before those were kept say what kind of line it was, in words.
 */
record StatementPdfWords(Language language) {

    static StatementPdfWords of(Language language) {
        return new StatementPdfWords(language);
    }

    private boolean english() {
        return language == Language.EN;
    }

    String title() {
        return english() ? "Earnings statement" : "收入明细";
    }

    String maker() {
        return english() ? "Maker" : "手作人";
    }

    String month() {
        return english() ? "Month" : "月份";
    }

    String issued() {
        return english() ? "Issued" : "签发时间";
    }

    String day() {
        return english() ? "Day" : "日期";
    }

    String whatHeading() {
        return english() ? "What" : "内容";
    }

    String pieces() {
        return english() ? "Pieces" : "件数";
    }

    String rate() {
        return english() ? "Rate" : "单价";
    }

    String amount() {
        return english() ? "Amount" : "金额";
    }

    String opening() {
        return english() ? "Balance at the start of the month" : "上月结余";
    }

    String earned(int pieces) {
        return english() ? "Earned this month (" + pieces + " pieces)" : "本月收入（" + pieces + " 件）";
    }

    String paidOut() {
        return english() ? "Paid to you this month" : "本月已付";
    }

    String closing() {
        return english() ? "Balance at the end of the month" : "月末结余";
    }

    String scanToVerify() {
        return english() ? "Scan to check this statement:" : "扫码核验本明细：";
    }

    String key() {
        return english() ? "Signing key" : "签名密钥";
    }

    /** The maker's name in the reader's script, when the signed content holds it. */
    String makerName(JsonNode maker) {
        JsonNode latin = maker.get("nameLatin");
        return english() && latin != null && !latin.isNull() ? latin.asString() : maker.get("name").asString();
    }

    /** What a line was, in plain words. */
    String what(JsonNode line) {
        JsonNode words = line.get(english() ? "whatEn" : "whatZh");
        if (words != null && !words.isNull()) {
            return words.asString();
        }
        String kind = kind(line.get("reason").asString());
        JsonNode operation = line.get("operation");
        String detail = operation == null || operation.isNull() ? line.get("description").asString() : operation.asString();
        return detail.isBlank() ? kind : kind + (english() ? ": " : "：") + detail;
    }

    private String kind(String reason) {
        return switch (reason) {
            case "WORK" -> english() ? "Piece work" : "计件工作";
            case "SALE_SHARE" -> english() ? "Your share of a sale" : "寄售分成";
            case "REFUND_SHARE" -> english() ? "Share given back for a refund" : "退货扣回的分成";
            case "PAYOUT" -> english() ? "Paid to you" : "已付给手作人";
            case "ADJUSTMENT" -> english() ? "Adjustment" : "调整";
            case "TOP_UP" -> english() ? "Topped up to the minimum wage" : "补足最低工资";
            case "REVERSAL" -> english() ? "Correction of an earlier line" : "更正之前的一笔";
            default -> english() ? "Other" : "其他";
        };
    }
}
