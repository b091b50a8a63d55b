package org.recoup.app.messaging;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.recoup.app.api.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Letters as PDF: the letter's HTML comes from a Thymeleaf template — {@code templates/letters/<template>.html} when
 * the message template has one of its own (by its id without the locale, e.g. {@code pre-legal-notice}), else
 * {@code templates/letters/letter.html} — and is rendered by openhtmltopdf (PDFBox) with a CJK TrueType font
 * ({@code recoup.messaging.letters.font}, by default Debian's {@code fonts-wqy-zenhei}).
 */
@Component
class LetterRenderer {

    /** What a letter shows. {@code paragraphs}: the filled template text, one entry per line. */
    record Letter(String messageId, String templateId, String locale, String title, String recipientName,
                  String address, String creditor, String issueDate, List<String> paragraphs) {
    }

    private final ITemplateEngine templates;
    private final Path font;

    LetterRenderer(ITemplateEngine templates, MessagingProperties properties) {
        this.templates = templates;
        this.font = properties.getLetters().getFont();
    }

    byte[] render(Letter letter) {
        if (!Files.isReadable(font)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "LETTER_FONT_MISSING", null, "the letter font "
                    + font + " is missing: install Debian's fonts-wqy-zenhei or set recoup.messaging.letters.font to a "
                    + "TrueType font with Chinese glyphs");
        }
        return org.recoup.app.document.PdfDocuments.pdf(html(letter), font, "letter " + letter.messageId());
    }

    String html(Letter letter) {
        Context context = new Context(Locale.forLanguageTag(letter.locale() == null ? "zh-CN" : letter.locale()));
        context.setVariable("letter", letter);
        return templates.process(view(letter.templateId()), context);
    }

    private static String view(String templateId) {
        if (templateId != null) {
            String base = templateId.contains(".") ? templateId.substring(0, templateId.indexOf('.')) : templateId;
            if (base.matches("[a-z0-9-]+")
                    && LetterRenderer.class.getClassLoader().getResource("templates/letters/" + base + ".html") != null) {
                return "letters/" + base;
            }
        }
        return "letters/letter";
    }

    static List<String> paragraphs(String body) {
        return Arrays.stream(body.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
