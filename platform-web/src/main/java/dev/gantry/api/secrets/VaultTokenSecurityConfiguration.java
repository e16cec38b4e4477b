package dev.gantry.api.secrets;

import java.io.IOException;
import java.util.Optional;

import dev.gantry.secrets.VaultTokenAuthentication;
import dev.gantry.secrets.VaultTokens;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.AndRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests to the vault presenting a vault token ({@code Authorization: Bearer gvt_...}) get a chain of their own,
 * ahead of the API's: the token is authenticated by {@link VaultTokens#authenticate} (digest compared in constant
 * time) and the resulting {@link VaultTokenAuthentication} is all the request holds. Outside
 * {@code /api/v1/secrets/} a vault token falls to the API chain, which knows only {@code gty_} tokens and answers
 * 401: a vault token opens nothing but the vault.
 */
@Configuration(proxyBeanMethods = false)
class VaultTokenSecurityConfiguration {

    static final String PREFIX = "gvt_";

    @Bean
    @Order(0)
    SecurityFilterChain vaultTokenChain(HttpSecurity http, VaultTokens tokens) throws Exception {
        RequestMatcher vault = PathPatternRequestMatcher.withDefaults().matcher("/api/v1/secrets/**");
        http.securityMatcher(new AndRequestMatcher(vault, VaultTokenSecurityConfiguration::presentsVaultToken))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .anonymous(anonymous -> anonymous.disable())
                .addFilterBefore(new VaultTokenFilter(tokens), AnonymousAuthenticationFilter.class)
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response,
                                HttpStatus.UNAUTHORIZED, "The vault token is unknown, revoked or expired, or a "
                                        + "token it descends from is; ask its owner for a new one"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, HttpStatus.FORBIDDEN,
                                "The vault token's policies do not allow this request")))
                .authorizeHttpRequests(auth -> auth.anyRequest().authenticated());
        return http.build();
    }

    static boolean presentsVaultToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
                && header.substring(7).strip().startsWith(PREFIX);
    }

    private static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
    }

    static final class VaultTokenFilter extends OncePerRequestFilter {

        private final VaultTokens tokens;

        VaultTokenFilter(VaultTokens tokens) {
            this.tokens = tokens;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            String header = request.getHeader("Authorization");
            Optional<VaultTokenAuthentication> token = header == null ? Optional.empty()
                    : tokens.authenticate(header.substring(7).strip());
            if (token.isPresent()) {
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token.get());
                SecurityContextHolder.setContext(context);
            }
            try {
                chain.doFilter(request, response);
            } finally {
                SecurityContextHolder.clearContext();
            }
        }
    }
}
