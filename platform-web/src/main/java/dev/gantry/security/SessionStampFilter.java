package dev.gantry.security;

import java.io.IOException;
import java.util.OptionalLong;

import dev.gantry.access.UserManagement;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session at its next request once its account is disabled or its password changed. Checked against the
 * database (one primary-key read), not a node-local registry, so it holds on every node of a cluster.
 */
public class SessionStampFilter extends OncePerRequestFilter {

    private final UserManagement users;

    public SessionStampFilter(UserManagement users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        GantryPrincipal principal = SignInSteps.currentPrincipal();
        if (principal != null) {
            OptionalLong stamp = users.sessionStamp(principal.username());
            if (stamp.isEmpty() || stamp.getAsLong() != principal.securityStamp()) {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
                SecurityContextHolder.clearContext();
            }
        }
        chain.doFilter(request, response);
    }
}
