package footage.jobs.report;

import org.springframework.context.MessageSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.util.Locale;
import java.util.Map;

/**
 * The reports' own Thymeleaf engine: templates {@code templates/report/*.xhtml} in XML mode — the pages must stay
 * well-formed XHTML, since the PDF renderer parses the very same text — with the console's message bundles. Public
 * for the console's own PDF exports (the access register), so that every PDF page is written by this one set-up.
 */
public final class ReportTemplates {

    private final SpringTemplateEngine engine = new SpringTemplateEngine();

    public ReportTemplates(MessageSource messages) {
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
        return render(template, language.locale(), variables);
    }

    /** The page in the locale's words; {@code lang} and the reports' {@code css} are set for every page. */
    public String render(String template, Locale locale, Map<String, Object> variables) {
        Context page = new Context(locale);
        page.setVariable("lang", locale.toLanguageTag());
        page.setVariable("css", HtmlReport.CSS);
        variables.forEach(page::setVariable);
        return engine.process(template, page);
    }
}
