package footage.jobs.report;

import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Map;

/**
 * The reports' own Thymeleaf engine: templates {@code templates/report/*.xhtml} in XML mode — the pages must stay
 * well-formed XHTML, since the PDF renderer parses the very same text — with the console's message bundles.
 */
final class ReportTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    ReportTemplates(MessageSource messages) {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/report/");
        resolver.setSuffix(".xhtml");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        engine.setTemplateResolver(resolver);
        engine.setTemplateEngineMessageSource(messages);
    }

    /** The page in the language's words; the variables every report page takes (lang, css) are set here. */
    String render(String template, ReportLanguage language, Map<String, Object> variables) {
        Context page = new Context(language.locale());
        page.setVariable("lang", language.locale().toLanguageTag());
        page.setVariable("css", HtmlReport.CSS);
        variables.forEach(page::setVariable);
        return engine.process(template, page);
    }
}
