package dev.gantry.secrets;

/**
 * Who holds a policy: a user by user name, or every member of a team (any team role) by the team's slug. Vault
 * tokens carry their policies themselves ({@link VaultTokens}).
 */
public record PolicySubject(Kind kind, String name) {

    public enum Kind {
        USER,
        TEAM
    }

    public static PolicySubject user(String username) {
        return new PolicySubject(Kind.USER, username);
    }

    public static PolicySubject team(String slug) {
        return new PolicySubject(Kind.TEAM, slug);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
