package footage.jobs.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.support.RequestContextUtils;

import java.time.Duration;
import java.util.Collections;
import java.util.Locale;

/**
 * Languages: Simplified Chinese and English. The browser's Accept-Language decides until the user picks one
 * ({@code ?lang=zh-CN} / {@code ?lang=en}), which a cookie then remembers.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleWeb implements WebMvcConfigurer {

    static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    static final Locale ENGLISH = Locale.ENGLISH;

    /** Named so that Spring MVC uses it instead of its Accept-Language-only default. */
    @Bean
    LocaleResolver localeResolver(ConsoleTlsProperties tls) {
        CookieLocaleResolver resolver = new CookieLocaleResolver("footage-lang");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        // as the session cookie: never sent along from another site, only over HTTPS once the console speaks it
        resolver.setCookieSameSite("Strict");
        resolver.setCookieSecure(tls.enabled());
        resolver.setDefaultLocaleFunction(ConsoleWeb::fromBrowser);
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(new LanguageSwitch());
    }

    /** The first of the browser's languages the console speaks; English when it speaks none of them. */
    static Locale fromBrowser(HttpServletRequest request) {
        if (request.getHeader("Accept-Language") != null) {
            for (Locale l : Collections.list(request.getLocales())) {
                if (l.getLanguage().equals("zh")) {
                    return CHINESE;
                }
                if (l.getLanguage().equals("en")) {
                    return ENGLISH;
                }
            }
        }
        return ENGLISH;
    }

    /** {@code ?lang=} on any page; only the two languages there are bundles for. */
    private static final class LanguageSwitch implements HandlerInterceptor {

        @Override
        public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
            String lang = request.getParameter("lang");
            Locale chosen = lang == null ? null : switch (lang) {
                case "zh-CN", "zh_CN", "zh" -> CHINESE;
                case "en" -> ENGLISH;
                default -> null;
            };
            LocaleResolver resolver = RequestContextUtils.getLocaleResolver(request);
            if (chosen != null && resolver != null) {
                resolver.setLocale(request, response, chosen);
            }
            return true;
        }
    }
}
