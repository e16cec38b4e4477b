package dev.gantry.security;

import dev.gantry.access.SignIn;
import dev.gantry.access.SignInResult;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * Password sign-in through {@link SignIn}. Every refusal reads the same to the person signing in, so an attacker
 * cannot tell a locked account from a wrong password; the audit trail keeps the real reason.
 */
@Component
class GantryAuthenticationProvider implements AuthenticationProvider {

    static final String REFUSED = "Incorrect user name or password, or the account is locked. "
            + "Wait a minute and try again, or ask an administrator.";

    private final SignIn signIn;
    private final SignInSteps steps;

    GantryAuthenticationProvider(SignIn signIn, SignInSteps steps) {
        this.signIn = signIn;
        this.steps = steps;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String username = authentication.getName() == null ? "" : authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        SignInResult result = signIn.authenticate(username, password);
        if (result instanceof SignInResult.Success(var user)) {
            return steps.authenticationFor(user, steps.firstStage(user));
        }
        throw new BadCredentialsException(REFUSED);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
