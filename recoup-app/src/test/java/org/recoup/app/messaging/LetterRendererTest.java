package org.recoup.app.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.recoup.app.api.ApiProblem;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** Letters to PDF without the application: the CJK font is embedded, and a missing font is named in the error. */
class LetterRendererTest {

    private static LetterRenderer renderer(Path font) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        MessagingProperties properties = new MessagingProperties();
        properties.getLetters().setFont(font);
        return new LetterRenderer(engine, properties);
    }

    private static final LetterRenderer.Letter LETTER = new LetterRenderer.Letter("M-1", "reminder.zh-CN", "zh-CN",
            "还款通知书", "李四", "北京市朝阳区建国路1号", "回款消费金融", "2026年11月24日",
            List.of("李四您好:", "您的借款尚有1,060.00元未还。"));

    @Test
    void theChineseTextOfALetterCanBeExtractedFromItsPdf() throws Exception {
        byte[] pdf = renderer(new MessagingProperties().getLetters().getFont()).render(LETTER);

        try (PDDocument doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertThat(text).contains("还款通知书", "李四您好", "1,060.00元", "北京市朝阳区建国路1号");
        }
    }

    @Test
    void aMissingFontIsNamedInTheError() {
        assertThatThrownBy(() -> renderer(Path.of("/nonexistent/font.ttc")).render(LETTER))
                .isInstanceOf(ApiProblem.class)
                .hasMessageContaining("/nonexistent/font.ttc")
                .hasMessageContaining("fonts-wqy-zenhei");
    }
}
