package dev.gantry.secrets.internal.rotators;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RotationContext;
import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.Rotator;
import dev.gantry.secrets.RotatorParameters;
import dev.gantry.secrets.SecretPath;
import dev.gantry.secrets.SecretValue;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * {@code certificate}: a key pair and an X.509 certificate for it issued by Gantry's internal CA, stored as PEM
 * (private key, certificate, CA certificate). The CA lives in the vault at {@code ca-path} (default
 * {@value #DEFAULT_CA_PATH}) and is created on first use. Parameters: {@code common-name} (required),
 * {@code dns-names} (comma-separated), {@code validity} (default P90D, at most P397D) and the key's
 * {@link KeyAlgorithm}. The test checks the chain to the CA, the validity, the names and the key.
 */
@Component
class CertificateRotator implements Rotator {

    static final String DEFAULT_CA_PATH = "gantry/pki/internal/root-ca";
    private static final Pattern DNS = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern COMMON_NAME = Pattern.compile("[A-Za-z0-9 ._*-]{1,64}");

    private final SecureRandom random = new SecureRandom();

    @Override
    public String kind() {
        return "certificate";
    }

    @Override
    public void validate(RotatorParameters parameters) {
        Set<String> known = new HashSet<>(KeyAlgorithm.PARAMETERS);
        known.addAll(Set.of("common-name", "dns-names", "validity", "ca-path"));
        parameters.allowOnly(known);
        Settings.from(parameters);
    }

    @Override
    public SecretValue createCandidate(RotationContext context) {
        Settings settings = Settings.from(context.parameters());
        InternalCertificateAuthority ca = ca(context, settings);
        KeyPair pair = settings.key().generate(random);
        X509Certificate certificate = ca.issue(settings.commonName(), settings.dnsNames(), pair.getPublic(),
                context.now(), settings.validity(), random);
        try {
            String pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + Pem.encode("CERTIFICATE", certificate.getEncoded())
                    + Pem.encode("CERTIFICATE", ca.certificate().getEncoded());
            return SecretValue.of(pem.toCharArray());
        } catch (GeneralSecurityException e) {
            throw new RotationStepException("could not encode the certificate", e);
        }
    }

    @Override
    public void setOnTarget(RotationContext context, SecretValue candidate) {
        // Services read their certificate from the vault.
    }

    @Override
    public void test(RotationContext context, SecretValue credential) {
        Settings settings = Settings.from(context.parameters());
        InternalCertificateAuthority ca = InternalCertificateAuthority.from(context.secret(settings.caPath()));
        List<Pem.Block> blocks = Pem.decode(credential);
        List<X509Certificate> chain = Pem.certificates(blocks);
        if (chain.isEmpty()) {
            throw new RotationStepException("the value holds no certificate");
        }
        X509Certificate leaf = chain.get(0);
        try {
            leaf.verify(ca.certificate().getPublicKey());
            leaf.checkValidity(Date.from(context.now()));
        } catch (CertificateExpiredException | CertificateNotYetValidException outside) {
            throw new RotationStepException("the certificate is not valid now");
        } catch (GeneralSecurityException notIssuedByUs) {
            throw new RotationStepException("the certificate was not issued by the internal CA");
        }
        if (!leaf.getSubjectX500Principal().getName().equals("CN=" + settings.commonName())) {
            throw new RotationStepException("the certificate is for another name");
        }
        PublicKey publicKey = leaf.getPublicKey();
        settings.key().requireShape(publicKey);
        KeyAlgorithm.requireMatch(Pem.privateKey(Pem.single(blocks, "PRIVATE KEY")), publicKey, random);
    }

    @Override
    public Optional<Instant> expiryOf(SecretValue value) {
        List<X509Certificate> chain = Pem.certificates(Pem.decode(value));
        return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0).getNotAfter().toInstant());
    }

    private InternalCertificateAuthority ca(RotationContext context, Settings settings) {
        return InternalCertificateAuthority.from(context.secretOrCreate(settings.caPath(),
                () -> InternalCertificateAuthority.create("Gantry Internal CA", context.now(), random)));
    }

    record Settings(String commonName, List<String> dnsNames, Duration validity, String caPath, KeyAlgorithm key) {

        static Settings from(RotatorParameters parameters) {
            String commonName = parameters.required("common-name");
            if (!COMMON_NAME.matcher(commonName).matches()) {
                throw new InvalidInputException(RotatorParameters.field("common-name"),
                        "1 to 64 letters, digits, spaces, dots, hyphens, underscores or stars");
            }
            List<String> dnsNames = Arrays.stream(parameters.string("dns-names", "").split(","))
                    .map(String::strip).filter(name -> !name.isEmpty()).toList();
            for (String name : dnsNames) {
                if (name.length() > 253 || !DNS.matcher(name).matches()) {
                    throw new InvalidInputException(RotatorParameters.field("dns-names"),
                            "lower-case DNS names separated by commas");
                }
            }
            Duration validity = parameters.duration("validity", Duration.ofDays(90), Duration.ofHours(1),
                    Duration.ofDays(397));
            String caPath = parameters.string("ca-path", DEFAULT_CA_PATH);
            try {
                caPath = SecretPath.parse(caPath).toString();
            } catch (InvalidInputException bad) {
                throw new InvalidInputException(RotatorParameters.field("ca-path"), bad.getMessage());
            }
            return new Settings(commonName, dnsNames, validity, caPath,
                    KeyAlgorithm.from(parameters, KeyAlgorithm.Kind.EC));
        }
    }
}
