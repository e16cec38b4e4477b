package dev.gantry.security;

/**
 * Where a sign-in stands. Only {@link #COMPLETE} carries the user's roles; every other stage holds a session that
 * can do exactly one thing: finish the step its view asks for.
 */
public enum SignInStage {
    PASSWORD_CHANGE("change-password"),
    MFA_ENROLMENT("mfa/enrol"),
    MFA_CHALLENGE("mfa/verify"),
    COMPLETE("");

    private final String route;

    SignInStage(String route) {
        this.route = route;
    }

    /** The view that completes this stage. */
    public String route() {
        return route;
    }
}
