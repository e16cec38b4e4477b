package dev.gantry.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import dev.gantry.domain.Role;
import org.springframework.security.test.context.support.WithSecurityContext;

/**
 * Runs a test as a fully signed-in Gantry user with the given global roles: the same principal type and
 * authorities a real sign-in produces, so views and services see what they see in production.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
@WithSecurityContext(factory = GantryUserSecurityContextFactory.class)
public @interface WithGantryUser {

    String username() default "tester";

    Role[] roles() default {};

    /** Roles in teams, each as {@code slug:ROLE} (e.g. {@code payments:ENGINEER}): how people reach team secrets. */
    String[] teamRoles() default {};
}
