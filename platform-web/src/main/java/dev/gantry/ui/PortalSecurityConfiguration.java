package dev.gantry.ui;

import static com.vaadin.flow.spring.security.VaadinSecurityConfigurer.vaadin;

import dev.gantry.access.SignIn;
import dev.gantry.access.UserManagement;
import dev.gantry.security.GantryPrincipal;
import dev.gantry.security.SessionStampFilter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The portal's filter chain: session-based form sign-in through {@link LoginView}, every view denied unless its
 * class says who may see it, sessions ended at once when their account's security stamp moves on.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    @Bean
    @Order(10)
    SecurityFilterChain portal(HttpSecurity http, UserManagement users, SignIn signIn) throws Exception {
        http.authorizeHttpRequests(auth -> auth
                .requestMatchers("/actuator/health", "/actuator/health/**").permitAll());
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(
                        "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
                                + "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
                                + "connect-src 'self'; frame-ancestors 'none'; form-action 'self'"))
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
        http.addFilterAfter(new SessionStampFilter(users), SecurityContextHolderFilter.class);
        http.with(vaadin(), vaadin -> vaadin
                .loginView(LoginView.class)
                .addLogoutHandler((request, response, authentication) -> {
                    if (authentication != null && authentication.getPrincipal() instanceof GantryPrincipal p) {
                        signIn.signedOut(p.username());
                    }
                }));
        return http.build();
    }
}
