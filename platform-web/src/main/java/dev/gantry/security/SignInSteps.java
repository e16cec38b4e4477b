package dev.gantry.security;

import java.util.ArrayList;
import java.util.List;

import dev.gantry.access.Authorities;
import dev.gantry.access.SignIn;
import dev.gantry.access.SignedInUser;
import dev.gantry.domain.Role;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpSession;
import org.jspecify.annotations.Nullable;

/**
 * Builds the authentication for each sign-in stage and moves a session from one stage to the next. Roles are
 * granted only at {@link SignInStage#COMPLETE}.
 */
@Component
public class SignInSteps {

    /** The single authority of a session that has not finished signing in. */
    public static final String SIGN_IN_PENDING = "SIGN_IN_PENDING";

    private final SignIn signIn;
    private final MfaRequirement mfaRequirement;

    SignInSteps(SignIn signIn, MfaRequirement mfaRequirement) {
        this.signIn = signIn;
        this.mfaRequirement = mfaRequirement;
    }

    /** The first stage after a correct password. */
    SignInStage firstStage(SignedInUser user) {
        if (user.mustChangePassword()) {
            return SignInStage.PASSWORD_CHANGE;
        }
        return afterPassword(user);
    }

    private SignInStage afterPassword(SignedInUser user) {
        return switch (mfaRequirement.stateOf(user)) {
            case ENROLLED -> SignInStage.MFA_CHALLENGE;
            case REQUIRED_NOT_ENROLLED -> SignInStage.MFA_ENROLMENT;
            case OPTIONAL_NOT_ENROLLED -> SignInStage.COMPLETE;
        };
    }

    Authentication authenticationFor(SignedInUser user, SignInStage stage) {
        GantryPrincipal principal = new GantryPrincipal(user.id(), user.username(), user.displayName(),
                user.securityStamp(), stage);
        return new UsernamePasswordAuthenticationToken(principal, null, authorities(user, stage));
    }

    /**
     * Moves the current session past a finished step (password changed, MFA enrolled or verified), re-reading the
     * account so the session gets the roles and stamp as they are now.
     */
    public SignInStage advance(HttpSession session, SignInStage finished) {
        GantryPrincipal principal = currentPrincipal();
        if (principal == null || principal.stage() != finished) {
            throw new IllegalStateException("No sign-in is waiting for " + finished);
        }
        SignedInUser user = signIn.current(principal.username())
                .orElseThrow(() -> new IllegalStateException("The account can no longer sign in"));
        SignInStage next = switch (finished) {
            case PASSWORD_CHANGE -> afterPassword(user);
            case MFA_ENROLMENT, MFA_CHALLENGE, COMPLETE -> SignInStage.COMPLETE;
        };
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationFor(user, next));
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return next;
    }

    /**
     * After a signed-in user changed their password the account's stamp moved on; carry the session along so only
     * the other sessions end.
     *
     * @return {@link SignInStage#COMPLETE}, where the session stays
     */
    public SignInStage refreshStamp(HttpSession session) {
        GantryPrincipal principal = currentPrincipal();
        if (principal == null || principal.stage() != SignInStage.COMPLETE) {
            throw new IllegalStateException("No completed sign-in to refresh");
        }
        SignedInUser user = signIn.current(principal.username())
                .orElseThrow(() -> new IllegalStateException("The account can no longer sign in"));
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authenticationFor(user, SignInStage.COMPLETE));
        SecurityContextHolder.setContext(context);
        session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY, context);
        return SignInStage.COMPLETE;
    }

    public static @Nullable GantryPrincipal currentPrincipal() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.getPrincipal() instanceof GantryPrincipal p ? p : null;
    }

    private static List<GrantedAuthority> authorities(SignedInUser user, SignInStage stage) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        if (stage != SignInStage.COMPLETE) {
            authorities.add(new SimpleGrantedAuthority(SIGN_IN_PENDING));
            return authorities;
        }
        authorities.add(new SimpleGrantedAuthority(Authorities.SIGNED_IN));
        for (Role role : user.globalRoles()) {
            authorities.add(new SimpleGrantedAuthority(role.authority()));
        }
        user.teamRoles().forEach((team, roles) -> roles.forEach(
                role -> authorities.add(new SimpleGrantedAuthority(Authorities.teamRole(team, role)))));
        return authorities;
    }
}
