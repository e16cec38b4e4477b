package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretValue;
import java.security.SecureRandom;
import org.springframework.stereotype.Component;

/**
 * {@code password}: a generated password kept in the vault only (consumers read it from there). Parameters:
 * {@code length} (12-256, default 32), {@code lowercase}, {@code uppercase}, {@code digits} (true/false, default
 * true), {@code symbols} (the punctuation to use, default {@value PasswordRules#DEFAULT_SYMBOLS}; empty for none),
 * {@code avoid-ambiguous} (leave out Il1O0o). The test checks the value against these rules.
 */
@Component
class PasswordRotator implements Rotator {

    private final SecureRandom random = new SecureRandom();

    @Override
    public String kind() {
        return "password";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        parameters.allowOnly(PasswordRules.PARAMETERS);
        PasswordRules.from(parameters, PasswordRules.DEFAULT_SYMBOLS, "");
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        return rules(context).generate(random);
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        // The vault is the only place it lives.
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        rules(context).check(credential);
    }

    private static PasswordRules rules(RotationContext context) {
        return PasswordRules.from(context.parameters(), PasswordRules.DEFAULT_SYMBOLS, "");
    }
}
