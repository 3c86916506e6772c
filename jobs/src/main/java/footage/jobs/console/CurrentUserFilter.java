package footage.jobs.console;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A session carries the roles its user had at login. Each request checks them against the catalog, so that a user an
 * administrator disabled, or whose password was set since the login, is logged out at once (whoever learnt the old
 * password keeps no session), and a changed role applies to the very next request.
 */
final class CurrentUserFilter extends OncePerRequestFilter {

    private static final String PASSWORD_SET_AT = CurrentUserFilter.class.getName() + ".passwordSetAt";

    private final ConsoleUsers users;

    CurrentUserFilter(ConsoleUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication login = SecurityContextHolder.getContext().getAuthentication();
        if (login instanceof UsernamePasswordAuthenticationToken && login.isAuthenticated()) {
            UserDetails now;
            try {
                now = users.loadUserByUsername(login.getName());
            } catch (UsernameNotFoundException gone) {
                now = null;
            }
            if (now == null || !now.isEnabled() || !samePassword(request.getSession(false), login.getName())) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
                response.sendRedirect(request.getContextPath() + "/login?ended");
                return;
            }
            if (!names(now.getAuthorities()).equals(names(login.getAuthorities()))) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(login.getPrincipal(), null,
                        now.getAuthorities()));
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }

    /** Notes in the session which password it was opened with: at login, and when its user changes their own. */
    static void remember(HttpSession session, ConsoleUsers users, String username) {
        users.passwordChangedAt(username).ifPresent(at -> session.setAttribute(PASSWORD_SET_AT, at.toInstant()));
    }

    private boolean samePassword(HttpSession session, String username) {
        if (session == null) {
            return true;
        }
        Object seen = session.getAttribute(PASSWORD_SET_AT);
        var current = users.passwordChangedAt(username).map(java.time.OffsetDateTime::toInstant);
        if (seen == null) {
            // a session from before this rule: from now on it is held to the password it has now
            current.ifPresent(at -> session.setAttribute(PASSWORD_SET_AT, at));
            return true;
        }
        return current.isPresent() && current.get().equals(seen);
    }

    private static Set<String> names(java.util.Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority).collect(Collectors.toSet());
    }
}
