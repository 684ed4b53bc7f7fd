package org.socialworkshop.mail;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.socialworkshop.shared.Language;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The mails' words, from {@code mail/messages_<language>.properties}: a plain-text part and a simple HTML part made from
 * the same paragraphs, with every value escaped in the HTML and the links ({@code *Link} values) made clickable.
 */
@Component
class MailTemplates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** A mail's words in both parts. */
    record Rendered(String subject, String text, String html) {
    }

    private final Map<Language, Properties> texts = Map.of(Language.EN, load("en"), Language.ZH_CN, load("zh-CN"));

    /**
     * The mail of {@code kind} in {@code language}: greeting, its body, the {@code extras} (further keys of the kind, in
     * order, e.g. {@code shipped.tracking}), closing and footer; {@code values} fill the placeholders.
     */
    Rendered render(MailKind kind, Language language, Map<String, String> values, List<String> extras) {
        List<String> keys = new ArrayList<>(List.of("greeting", kind.key() + ".body"));
        extras.forEach(extra -> keys.add(kind.key() + "." + extra));
        keys.addAll(List.of("closing", "footer"));
        List<String> paragraphs = keys.stream().map(key -> text(language, key)).toList();
        String text = String.join("\n\n", paragraphs.stream().map(paragraph -> fill(paragraph, values, false)).toList());
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(language.tag())
                .append("\"><head><meta charset=\"utf-8\"></head><body style=\"font-family:sans-serif;line-height:1.5\">");
        paragraphs.forEach(paragraph -> html.append("<p>").append(fill(paragraph, values, true).replace("\n\n", "</p><p>")
                .replace("\n", "<br>")).append("</p>"));
        html.append("</body></html>");
        return new Rendered(fill(text(language, kind.key() + ".subject"), values, false), text, html.toString());
    }

    /** Every key of one language, for the check that both languages have the same. */
    Set<String> keys(Language language) {
        return texts.get(language).stringPropertyNames();
    }

    private String text(Language language, String key) {
        return Objects.requireNonNull(texts.get(language).getProperty(key), () -> "No mail text " + key + " in " + language.tag());
    }

    private static String fill(String template, Map<String, String> values, boolean html) {
        String escaped = html ? HtmlUtils.htmlEscape(template) : template;
        Matcher matcher = PLACEHOLDER.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String value = Objects.requireNonNull(values.get(name), () -> "No value for {" + name + "}");
            String shown = !html ? value : name.endsWith("Link")
                    ? "<a href=\"" + HtmlUtils.htmlEscape(value) + "\">" + HtmlUtils.htmlEscape(value) + "</a>"
                    : HtmlUtils.htmlEscape(value);
            matcher.appendReplacement(out, Matcher.quoteReplacement(shown));
        }
        return matcher.appendTail(out).toString();
    }

    private static Properties load(String tag) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(new ClassPathResource("mail/messages_" + tag + ".properties").getInputStream(),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
