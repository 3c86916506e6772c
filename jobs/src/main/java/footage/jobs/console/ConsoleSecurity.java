package footage.jobs.console;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.DefaultSavedRequest;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;

import java.io.IOException;
import java.time.Clock;

/**
 * Who may see and do what, for {@code serve} only (one-shot commands run without a web server and never load this).
 * Two filter chains: the actuator (Prometheus for the bearer of {@code footage.metrics.token}, the rest HTTP Basic for
 * ADMIN only, liveness/readiness open for the orchestrator)
 * and the console (form login, CSRF, OPERATOR/ADMIN for every state change, ADMIN for users).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class ConsoleSecurity {

    private static final Logger log = LoggerFactory.getLogger(ConsoleSecurity.class);

    @Bean
    LoginThrottle loginThrottle(ConsoleProperties properties) {
        return new LoginThrottle(properties.loginFailures(), properties.loginDelay(), properties.loginLockout(),
                properties.loginAddressFailures(), Clock.systemUTC());
    }

    @Bean
    @Order(1)
    SecurityFilterChain actuatorFilterChain(HttpSecurity http, ConsoleUsers users, PasswordEncoder consolePasswordEncoder,
                                         LoginThrottle throttle, WebEndpointProperties endpoints, MetricsProperties metrics)
            throws Exception {
        String health = endpoints.getBasePath() + "/health";
        return http.securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a
                        .requestMatchers(HttpMethod.GET, health + "/liveness", health + "/readiness").permitAll()
                        // the scraper's own token, not a person's account (issue 20)
                        .requestMatchers(EndpointRequest.to("prometheus")).hasRole(MetricsTokenFilter.ROLE)
                        .anyRequest().hasRole(Role.ADMIN.name()))
                .addFilterBefore(new MetricsTokenFilter(metrics.token()), BasicAuthenticationFilter.class)
                .httpBasic(Customizer.withDefaults())
                // a scraper's 401 must not open a session each time
                .requestCache(c -> c.disable())
                .authenticationManager(authentication(users, consolePasswordEncoder, throttle))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain consoleFilterChain(HttpSecurity http, ConsoleUsers users, PasswordEncoder consolePasswordEncoder,
                                        LoginThrottle throttle) throws Exception {
        String[] operators = {Role.OPERATOR.name(), Role.ADMIN.name()};
        return http
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/login", "/denied", "/console/**", "/favicon.ico").permitAll()
                        .requestMatchers("/users", "/users/**").hasRole(Role.ADMIN.name())
                        // evidence console (issue 9): operators steer jobs, they do not read the catalog
                        .requestMatchers(HttpMethod.POST, "/evidence/requests/*/approve", "/evidence/requests/*/deny")
                                .hasRole(Role.APPROVER.name())
                        // an external request's letter is read by those who decide (any method: HEAD too)
                        .requestMatchers("/evidence/requests/*/letter").hasRole(Role.APPROVER.name())
                        .requestMatchers(HttpMethod.POST, "/evidence/findings/*/explain").hasRole(Role.EVIDENCE_STAFF.name())
                        // filing and deciding are evidence work: never the administrator's (separation of duties)
                        .requestMatchers(HttpMethod.POST, "/evidence/requests/external").hasRole(Role.EVIDENCE_STAFF.name())
                        .requestMatchers(HttpMethod.POST, "/evidence/requests").hasAnyRole(Role.EVIDENCE_STAFF.name(),
                                Role.APPROVER.name(), Role.VIEWER.name())
                        // evidence work (issue 17, as the command line's hold, retention, activities and export)
                        .requestMatchers(HttpMethod.POST, "/evidence/holds", "/evidence/holds/lift",
                                "/evidence/recordings/*/hold", "/evidence/recordings/*/hold/lift",
                                "/evidence/recordings/*/retention", "/evidence/activities/import",
                                "/evidence/requests/*/export", "/evidence/devices/import", "/evidence/devices/assign",
                                "/evidence/devices/damage", "/evidence/devices/repaired", "/evidence/devices/retire")
                                .hasAnyRole(Role.EVIDENCE_STAFF.name(), Role.ADMIN.name())
                        // the ledger names who looked at which footage: not for approvers and viewers
                        .requestMatchers("/evidence/audit", "/evidence/audit/**").hasAnyRole(Role.EVIDENCE_STAFF.name(),
                                Role.ADMIN.name())
                        // figures on officers' work (Art. 19): for those who supervise it, not for viewers
                        .requestMatchers("/evidence/supervision", "/evidence/supervision.*").hasAnyRole(
                                Role.EVIDENCE_STAFF.name(), Role.APPROVER.name(), Role.ADMIN.name())
                        .requestMatchers("/evidence", "/evidence/**").hasAnyRole(Role.EVIDENCE_STAFF.name(),
                                Role.APPROVER.name(), Role.ADMIN.name(), Role.VIEWER.name())
                        .requestMatchers(HttpMethod.POST, "/executions/**", "/schedules/**").hasAnyRole(operators)
                        .anyRequest().authenticated())
                .formLogin(f -> f.loginPage("/login")
                        .successHandler(new LoggedIn(users))
                        .failureHandler(ConsoleSecurity::loginFailed)
                        .permitAll())
                .logout(l -> l.logoutSuccessUrl("/login?logout"))
                // relative: a forged Host header never ends up in a Location
                .exceptionHandling(e -> e.accessDeniedPage("/denied").authenticationEntryPoint(loginPage()))
                .addFilterBefore(new CurrentUserFilter(users), AuthorizationFilter.class)
                .headers(h -> h.contentSecurityPolicy(c -> c.policyDirectives(
                        "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"))
                        // recording ids and case numbers in URLs stay in the console
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)))
                .authenticationManager(authentication(users, consolePasswordEncoder, throttle))
                .build();
    }

    private static LoginUrlAuthenticationEntryPoint loginPage() {
        LoginUrlAuthenticationEntryPoint entry = new LoginUrlAuthenticationEntryPoint("/login");
        entry.setFavorRelativeUris(true);
        return entry;
    }

    private static AuthenticationManager authentication(ConsoleUsers users, PasswordEncoder encoder, LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(encoder);
        return new ProviderManager(new ThrottledAuthentication(passwords, throttle));
    }

    /** One answer for every failure: a wrong name, password, a disabled user and a throttled login look alike from outside. */
    private static void loginFailed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    /** Remembers the last login (the users page shows it) and goes where the user was headed. */
    private static final class LoggedIn extends SavedRequestAwareAuthenticationSuccessHandler {

        private final ConsoleUsers users;
        private final RequestCache requests = new HttpSessionRequestCache();

        LoggedIn(ConsoleUsers users) {
            this.users = users;
            setDefaultTargetUrl("/");
            setRequestCache(requests);
        }

        @Override
        public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
                throws IOException, jakarta.servlet.ServletException {
            users.loggedIn(authentication.getName());
            CurrentUserFilter.remember(request.getSession(), users, authentication.getName());
            log.info("console: '{}' logged in from {}", authentication.getName(), request.getRemoteAddr());
            // the saved request's URL was built from the Host header: go back by its path alone
            if (requests.getRequest(request, response) instanceof DefaultSavedRequest saved) {
                requests.removeRequest(request, response);
                clearAuthenticationAttributes(request);
                String query = saved.getQueryString();
                response.sendRedirect(saved.getRequestURI() + (query == null ? "" : "?" + query));
                return;
            }
            super.onAuthenticationSuccess(request, response, authentication);
        }
    }
}
