package org.socialworkshop.makers;

import java.util.Locale;
import java.util.Map;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * A Chinese name written in pinyin without tone marks, family name first and capitalised: {@code 赵丽} → {@code Zhao
 * Li}, {@code 王小明} → {@code Wang Xiaoming}, {@code 欧阳娜娜} → {@code Ouyang Nana}. Characters that are not Chinese are
 * kept as they are, so a name already in Latin script comes back unchanged.
 */
public final class LatinName {

    /** Two-character family names; any other name's family name is its first character. */
    private static final java.util.Set<String> COMPOUND_FAMILY_NAMES = java.util.Set.of(
            "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "端木");

    /** Family names read otherwise than their character's first reading. */
    private static final Map<Character, String> FAMILY_READINGS = Map.ofEntries(
            Map.entry('单', "shan"), Map.entry('曾', "zeng"), Map.entry('区', "ou"), Map.entry('解', "xie"),
            Map.entry('仇', "qiu"), Map.entry('朴', "piao"), Map.entry('查', "zha"), Map.entry('乐', "yue"),
            Map.entry('盖', "ge"), Map.entry('缪', "miao"), Map.entry('覃', "qin"), Map.entry('翟', "zhai"),
            Map.entry('员', "yun"), Map.entry('秘', "bi"), Map.entry('冼', "xian"), Map.entry('万', "wan"),
            Map.entry('沈', "shen"), Map.entry('尉', "yu"), Map.entry('长', "chang"), Map.entry('重', "chong"),
            Map.entry('藏', "zang"), Map.entry('柏', "bai"), Map.entry('薄', "bo"), Map.entry('种', "chong"));

    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();

    static {
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_U_UNICODE);
    }

    private LatinName() {
    }

    /** The pinyin of {@code name}; blank for a blank name. */
    public static String of(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.codePoints().noneMatch(LatinName::isHan)) {
            return trimmed;
        }
        int familyLength = trimmed.length() > 2 && COMPOUND_FAMILY_NAMES.contains(trimmed.substring(0, 2)) ? 2 : 1;
        String family = syllables(trimmed.substring(0, familyLength), true);
        String given = syllables(trimmed.substring(familyLength), false);
        return (capitalised(family) + " " + capitalised(given)).strip();
    }

    private static String syllables(String part, boolean family) {
        StringBuilder out = new StringBuilder();
        for (char c : part.toCharArray()) {
            String reading = family && FAMILY_READINGS.containsKey(c) ? FAMILY_READINGS.get(c) : reading(c);
            out.append(reading == null ? String.valueOf(c) : reading);
        }
        return out.toString().replaceAll("\\s+", " ").strip();
    }

    private static @org.jspecify.annotations.Nullable String reading(char c) {
        try {
            String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            return readings == null || readings.length == 0 ? null : readings[0];
        } catch (BadHanyuPinyinOutputFormatCombination impossible) {
            throw new IllegalStateException("pinyin4j refused a fixed, valid output format", impossible);
        }
    }

    private static String capitalised(String word) {
        return word.isEmpty() ? word : word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    private static boolean isHan(int codePoint) {
        return Character.UnicodeScript.of(codePoint) == Character.UnicodeScript.HAN;
    }
}
