package dev.gantry.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import dev.gantry.access.ApiTokens;
import dev.gantry.access.Authorities;
import dev.gantry.access.SignIn;
import dev.gantry.access.SignedInUser;
import dev.gantry.access.TokenPrincipal;
import dev.gantry.domain.Role;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The REST API's filter chain: stateless, bearer tokens only. A request's authorities are its token's scopes
 * ({@code SCOPE_<scope>}) plus its owner's current roles, and endpoints require both, so a token never does more
 * than its owner may do today (a role revoked after the token was made is gone from it at once).
 */
@Configuration(proxyBeanMethods = false)
class ApiSecurityConfiguration {

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, ApiTokens tokens, SignIn signIn,
                            @Value("${gantry.metrics.public:false}") boolean publicMetrics) throws Exception {
        http.securityMatcher("/api/**", "/metrics", "/actuator/prometheus")
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .addFilterBefore(new BearerTokenFilter(tokens, signIn), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, HttpStatus.UNAUTHORIZED,
                                "Send a valid API token as 'Authorization: Bearer gty_...'; create one under Account › API tokens"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
                                "Your token's scopes or your roles do not allow this request")))
                .authorizeHttpRequests(auth -> {
                    if (publicMetrics) {
                        auth.requestMatchers("/metrics", "/actuator/prometheus").permitAll();
                    } else {
                        auth.requestMatchers("/metrics", "/actuator/prometheus").hasAuthority("SCOPE_metrics:read");
                    }
                    // The description of the API is no secret, and tools fetch it without a token.
                    auth.requestMatchers(HttpMethod.GET, "/api/v1/openapi", "/api/v1/openapi.yaml").permitAll();
                    auth.anyRequest().authenticated();
                });
        return http.build();
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    /** Turns {@code Authorization: Bearer <token>} into an authentication; anything else stays anonymous. */
    static final class BearerTokenFilter extends OncePerRequestFilter {

        private final ApiTokens tokens;
        private final SignIn signIn;

        BearerTokenFilter(ApiTokens tokens, SignIn signIn) {
            this.tokens = tokens;
            this.signIn = signIn;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
                Optional<TokenPrincipal> token = tokens.authenticate(header.substring(7).strip());
                Optional<SignedInUser> owner = token.flatMap(t -> signIn.current(t.owner()));
                if (token.isPresent() && owner.isPresent()) {
                    SecurityContext context = SecurityContextHolder.createEmptyContext();
                    context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                            token.get().owner(), null, authorities(token.get(), owner.get())));
                    SecurityContextHolder.setContext(context);
                }
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }

        private static List<GrantedAuthority> authorities(TokenPrincipal token, SignedInUser owner) {
            List<GrantedAuthority> authorities = new ArrayList<>();
            authorities.add(new SimpleGrantedAuthority(Authorities.SIGNED_IN));
            token.scopes().forEach(scope -> authorities.add(new SimpleGrantedAuthority("SCOPE_" + scope.wireName())));
            for (Role role : owner.globalRoles()) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
            owner.teamRoles().forEach((team, roles) -> roles.forEach(
                    role -> authorities.add(new SimpleGrantedAuthority(Authorities.teamRole(team, role)))));
            return authorities;
        }
    }
}
