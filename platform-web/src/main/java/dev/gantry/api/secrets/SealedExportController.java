package dev.gantry.api.secrets;

import java.util.Arrays;
import java.util.List;

import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.ExportPublicKey;
import dev.gantry.secrets.SealedExport;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVersionInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sealed export (ADR 8): values sealed to the vault's public key can be committed next to code and imported later.
 * Sealing needs nothing but the public key, which is no secret; importing writes through the vault, with its
 * permission checks and audit.
 */
@RestController
@RequestMapping("/api/v1/secrets/export")
class SealedExportController {

    private static final String PATH = "The path the value is sealed for, team/service/environment/name";
    private static final MediaType PEM = new MediaType("application", "x-pem-file");
    /** A sealed file for the largest value is about 90 KiB; anything far beyond is not one. */
    static final int MAX_SEALED_CHARS = 256 * 1024;

    record SealRequest(char @Nullable [] value) {

        @Override
        public String toString() {
            return "SealRequest[value=hidden]";
        }
    }

    private final SealedExport export;

    SealedExportController(SealedExport export) {
        this.export = export;
    }

    @GetMapping(value = "/public-key", produces = {"application/x-pem-file", MediaType.TEXT_PLAIN_VALUE})
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "The current sealing public key (X25519, PEM)",
            description = "What CI seals with (PublicKeySealer); the header X-Gantry-Key-Id names the generation's "
                    + "key id, which sealed files carry.")
    ResponseEntity<String> publicKey() {
        ExportPublicKey key = export.publicKey();
        return ResponseEntity.ok().contentType(PEM).header("X-Gantry-Key-Id", key.keyId()).body(key.pem());
    }

    @GetMapping("/generations")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Every key generation, oldest first; each still opens what was sealed to it")
    List<ExportPublicKey> generations() {
        return export.generations();
    }

    @PostMapping("/generations")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasAuthority('SCOPE_secrets:seal') and hasRole('SECRETS_ADMIN')")
    @Operation(summary = "Start a new key generation that sealing uses from now on")
    ExportPublicKey newGeneration() {
        return export.newGeneration();
    }

    @PostMapping(value = "/seal/{*path}", produces = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Seal a value for a path: the answer is the text to commit",
            description = "Body {\"value\": \"...\"}. Nothing is stored. The file opens only in this vault and only "
                    + "for this path.")
    ResponseEntity<String> seal(@Parameter(description = PATH) @PathVariable String path,
                                @RequestBody SealRequest request) {
        char[] chars = request.value();
        if (chars == null || chars.length == 0) {
            throw new InvalidInputException("value", "send the value as {\"value\": \"...\"}");
        }
        SecretValue value = SecretValue.of(chars);
        try {
            String sealed = export.sealForRepository(SecretPaths.fromUrl(path), value);
            return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").body(sealed);
        } finally {
            value.wipe();
            Arrays.fill(chars, '\0');
        }
    }

    @PostMapping(value = "/import", consumes = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Open a sealed-secret file and write its value as the next version at its path",
            description = "Body: the file as text/plain. Needs write on the path it names. A changed file, one "
                    + "sealed for another path or another vault, or an unknown key id answers 400 (field sealed).")
    SecretVersionInfo importSealed(@RequestBody(required = false) @Nullable String sealed) {
        if (sealed == null || sealed.isBlank()) {
            throw new InvalidInputException("sealed", "send the sealed file as the text/plain body");
        }
        if (sealed.length() > MAX_SEALED_CHARS) {
            throw new InvalidInputException("sealed", "a sealed file is at most " + MAX_SEALED_CHARS + " characters");
        }
        return export.importSealed(sealed);
    }
}
