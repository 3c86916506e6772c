package footage.jobs.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A bearer token on the actuator makes the request the metrics scraper's ({@code ROLE_METRICS}), which only the
 * Prometheus endpoint accepts. A wrong token is answered 401 at once; requests without one go on to HTTP Basic.
 */
final class MetricsTokenFilter extends OncePerRequestFilter {

    static final String ROLE = "METRICS";
    private static final Logger log = LoggerFactory.getLogger(MetricsTokenFilter.class);
    private static final String BEARER = "Bearer ";

    private final byte[] token;

    MetricsTokenFilter(String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            chain.doFilter(request, response);
            return;
        }
        byte[] sent = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // constant time: how much of a guess was right must not show in the answer's timing
        if (token == null || !MessageDigest.isEqual(token, sent)) {
            log.warn("console: metrics token refused from {}", request.getRemoteAddr());
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("metrics-scraper", null,
                AuthorityUtils.createAuthorityList("ROLE_" + ROLE)));
        SecurityContextHolder.setContext(context);
        chain.doFilter(request, response);
    }
}
