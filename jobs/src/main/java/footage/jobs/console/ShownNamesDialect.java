package footage.jobs.console;

import footage.pipeline.text.DisplayText;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.ITemplateContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IPostProcessorDialect;
import org.thymeleaf.engine.AbstractTemplateHandler;
import org.thymeleaf.model.IAttribute;
import org.thymeleaf.model.IModelFactory;
import org.thymeleaf.model.IOpenElementTag;
import org.thymeleaf.model.IProcessableElementTag;
import org.thymeleaf.model.IStandaloneElementTag;
import org.thymeleaf.model.IText;
import org.thymeleaf.postprocessor.IPostProcessor;
import org.thymeleaf.postprocessor.PostProcessor;
import org.thymeleaf.templatemode.TemplateMode;

import java.util.Set;

/**
 * Every page of the console and the evidence pages shows names and manifest values from stations (file and folder
 * names, officer names, findings' details): a control or bidirectional-override character in them is written as a
 * visible escape ({@code \u202E}) by {@link DisplayText#escapeControls}, in the text and the attribute values of the
 * rendered page. {@code th:text} escapes HTML, not these; doing it here, on the output, covers every template and
 * every one written later. Templates themselves hold none of these characters (line feeds and tabs of the markup,
 * outside text that a template prints, are whitespace and are kept).
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ShownNamesDialect extends AbstractDialect implements IPostProcessorDialect {

    ShownNamesDialect() {
        super("footage-shown-names");
    }

    @Override
    public int getDialectPostProcessorPrecedence() {
        return 1000;
    }

    @Override
    public Set<IPostProcessor> getPostProcessors() {
        return Set.of(new PostProcessor(TemplateMode.HTML, Escaping.class, 1000));
    }

    /**
     * Rendered text with its hidden characters escaped, except line feeds, carriage returns and tabs: the markup's own
     * whitespace, which a browser shows as a space and never acts on. Unchanged text is returned as the same object.
     */
    static String shown(String text) {
        boolean any = false;
        for (int i = 0; i < text.length() && !any; i++) {
            char c = text.charAt(i);
            any = DisplayText.isHidden(c) && c != '\n' && c != '\r' && c != '\t' || Character.isSurrogate(c);
        }
        if (!any) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i == text.length() || text.charAt(i) == '\n' || text.charAt(i) == '\r' || text.charAt(i) == '\t') {
                out.append(DisplayText.escapeControls(text.substring(start, i)));
                if (i < text.length()) {
                    out.append(text.charAt(i));
                }
                start = i + 1;
            }
        }
        return out.toString();
    }

    public static final class Escaping extends AbstractTemplateHandler {

        private IModelFactory models;

        @Override
        public void setContext(ITemplateContext context) {
            super.setContext(context);
            this.models = context.getModelFactory();
        }

        @Override
        public void handleText(IText text) {
            String shown = shown(text.getText());
            super.handleText(shown == text.getText() ? text : models.createText(shown));
        }

        @Override
        public void handleOpenElement(IOpenElementTag tag) {
            super.handleOpenElement(attributes(tag));
        }

        @Override
        public void handleStandaloneElement(IStandaloneElementTag tag) {
            super.handleStandaloneElement(attributes(tag));
        }

        private <T extends IProcessableElementTag> T attributes(T tag) {
            T out = tag;
            for (IAttribute a : tag.getAllAttributes()) {
                String value = a.getValue();
                if (value != null) {
                    String shown = shown(value);
                    if (shown != value) {
                        out = models.setAttribute(out, a.getAttributeCompleteName(), shown);
                    }
                }
            }
            return out;
        }
    }
}
