package dev.gantry.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.gantry.domain.token.TokenFormat;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The decision whether a presented vault token is the stored one is made by {@link MessageDigest#isEqual}, whose
 * running time does not depend on where two digests differ. Timing cannot be measured reliably in a unit test, so
 * this checks the byte code: authentication goes through the constant-time comparison, and nothing in the module
 * compares byte arrays with {@link Arrays#equals(byte[], byte[])}.
 */
class VaultTokenDigestComparisonTests {

    private static final JavaClasses MODULE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.gantry.secrets");
    private static final JavaClasses SHARED_KERNEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gantry.domain.token");

    @Test
    void tokenDigestsAreComparedWithMessageDigestIsEqual() {
        assertThat(SHARED_KERNEL.get(TokenFormat.class).getMethod("matches", byte[].class, String.class)
                .getMethodCallsFromSelf())
                .anySatisfy(call -> {
                    assertThat(call.getTargetOwner().isEquivalentTo(MessageDigest.class)).isTrue();
                    assertThat(call.getName()).isEqualTo("isEqual");
                });
        assertThat(MODULE.get(VaultTokens.class).getMethod("authenticate", String.class).getMethodCallsFromSelf())
                .extracting(JavaMethodCall::getName, call -> call.getTargetOwner().getName())
                .contains(org.assertj.core.groups.Tuple.tuple("matches", TokenFormat.class.getName()));
    }

    @Test
    void noByteArraysAreComparedWithArraysEquals() {
        assertThat(MODULE.stream().flatMap(javaClass -> javaClass.getMethodCallsFromSelf().stream())
                .filter(call -> call.getTargetOwner().isEquivalentTo(Arrays.class)
                        && call.getName().equals("equals"))
                .map(JavaMethodCall::getDescription))
                .isEmpty();
    }
}
