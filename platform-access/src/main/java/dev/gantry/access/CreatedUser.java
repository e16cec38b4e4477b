package dev.gantry.access;

/** A new account and its one-time password, to hand over once; the user must change it at first sign-in. */
public record CreatedUser(UserView user, String oneTimePassword) {

    @Override
    public String toString() {
        return "CreatedUser[user=" + user.username() + ", oneTimePassword=<hidden>]";
    }
}
