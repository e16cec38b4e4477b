package dev.gantry.secrets.internal.rotators;

import dev.gantry.secrets.RotationStepException;
import dev.gantry.secrets.SecretValue;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Gantry's internal certificate authority: an EC P-384 key and a self-signed root certificate, kept together as one
 * vault secret (PEM), so the CA key is as protected as any other secret and never sits in a file.
 */
final class InternalCertificateAuthority {

    static final Duration ROOT_VALIDITY = Duration.ofDays(3650);
    private static final KeyAlgorithm CA_KEY = new KeyAlgorithm(KeyAlgorithm.Kind.EC, 3072, KeyAlgorithm.Curve.P_384);

    private final PrivateKey key;
    private final X509Certificate certificate;

    private InternalCertificateAuthority(PrivateKey key, X509Certificate certificate) {
        this.key = key;
        this.certificate = certificate;
    }

    /** A new root, valid for ten years from {@code now}. */
    static SecretValue create(String name, Instant now, SecureRandom random) {
        KeyPair pair = CA_KEY.generate(random);
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "Gantry")
                .addRDN(BCStyle.CN, name).build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(now.plus(ROOT_VALIDITY)), subject,
                    pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate root = sign(builder, pair.getPrivate(), CA_KEY.signatureAlgorithm());
            String pem = Pem.encode("PRIVATE KEY", pair.getPrivate().getEncoded())
                    + Pem.encode("CERTIFICATE", root.getEncoded());
            return SecretValue.of(pem.toCharArray());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("could not create the internal CA", e);
        }
    }

    static InternalCertificateAuthority from(SecretValue stored) {
        List<Pem.Block> blocks = Pem.decode(stored);
        List<X509Certificate> certificates = Pem.certificates(blocks);
        if (certificates.isEmpty()) {
            throw new RotationStepException("the internal CA secret holds no certificate");
        }
        return new InternalCertificateAuthority(Pem.privateKey(Pem.single(blocks, "PRIVATE KEY")),
                certificates.get(0));
    }

    X509Certificate certificate() {
        return certificate;
    }

    /** A leaf certificate for {@code publicKey}: server and client authentication, the given DNS names. */
    X509Certificate issue(String commonName, List<String> dnsNames, PublicKey publicKey, Instant now,
            Duration validity, SecureRandom random) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, commonName).build();
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            Instant notAfter = now.plus(validity);
            if (notAfter.isAfter(certificate.getNotAfter().toInstant())) {
                notAfter = certificate.getNotAfter().toInstant();
            }
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
                    Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), subject, publicKey)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(new KeyPurposeId[] {
                            KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(publicKey))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(certificate));
            if (!dnsNames.isEmpty()) {
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(dnsNames.stream()
                        .map(name -> new GeneralName(GeneralName.dNSName, name)).toArray(GeneralName[]::new)));
            }
            return sign(builder, key, CA_KEY.signatureAlgorithm());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new RotationStepException("the internal CA could not issue the certificate", e);
        }
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer, String algorithm)
            throws CertificateException {
        try {
            ContentSigner contentSigner = new JcaContentSignerBuilder(algorithm).build(signer);
            return new JcaX509CertificateConverter().getCertificate(builder.build(contentSigner));
        } catch (OperatorCreationException e) {
            throw new CertificateException("no signer for " + algorithm, e);
        }
    }

    private static BigInteger serial(SecureRandom random) {
        return new BigInteger(159, random).add(BigInteger.ONE);
    }
}
