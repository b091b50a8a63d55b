package org.recoup.app.document;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.recoup.app.api.ApiProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Documents as PDF: a Thymeleaf template {@code templates/documents/<name>.html} (well-formed XHTML, font family
 * {@code 'CJK'}) filled with the caller's variables and rendered by openhtmltopdf with a CJK TrueType font
 * ({@code recoup.documents.font}, by default Debian's {@code fonts-wqy-zenhei}) embedded, so Chinese text can be
 * printed and extracted. {@code documents/generic.html} takes a {@code doc} with title, parties, paragraphs, a table
 * and signature lines, for documents that need no layout of their own.
 */
@Component
public class PdfDocuments {

    static {
        // openhtmltopdf logs every render at INFO on its own console handler: keep its warnings only
        com.openhtmltopdf.util.XRLog.listRegisteredLoggers()
                .forEach(name -> com.openhtmltopdf.util.XRLog.setLevel(name, java.util.logging.Level.WARNING));
    }

    private final ITemplateEngine templates;
    private final Path font;

    PdfDocuments(ITemplateEngine templates,
                 @Value("${recoup.documents.font:/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc}") Path font) {
        this.templates = templates;
        this.font = font;
    }

    /** Renders {@code templates/documents/<template>.html} with {@code variables} in {@code locale}. */
    public byte[] render(String template, Map<String, ?> variables, Locale locale) {
        if (template == null || !template.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("document template names are lower-case words and dashes: " + template);
        }
        Context context = new Context(locale);
        variables.forEach(context::setVariable);
        return pdf(templates.process("documents/" + template, context), font, template);
    }

    /** The data of {@code documents/generic.html}: a simple titled document in the reader's language. */
    public record GenericDocument(String title, String issuer, String recipient, java.util.List<String> paragraphs,
                                  java.util.List<String> tableHeader, java.util.List<java.util.List<String>> tableRows,
                                  java.util.List<String> signatures, String reference) {
    }

    public byte[] generic(GenericDocument doc, Locale locale) {
        return render("generic", Map.of("doc", doc), locale);
    }

    /** XHTML to PDF with {@code font} registered as family {@code 'CJK'}; a missing font is a 503 naming it. */
    public static byte[] pdf(String xhtml, Path font, String what) {
        if (!Files.isReadable(font)) {
            throw new ApiProblem(HttpStatus.SERVICE_UNAVAILABLE, "DOCUMENT_FONT_MISSING", null, "the document font "
                    + font + " is missing: install Debian's fonts-wqy-zenhei or set recoup.documents.font "
                    + "(letters: recoup.messaging.letters.font) to a TrueType font with Chinese glyphs");
        }
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(font.toFile(), "CJK");
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be rendered: " + e.getMessage(), e);
        }
    }
}
