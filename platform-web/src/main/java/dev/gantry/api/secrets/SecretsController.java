package dev.gantry.api.secrets;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;

import dev.gantry.api.PageResponse;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.SecretMetadata;
import dev.gantry.secrets.SecretValue;
import dev.gantry.secrets.SecretVault;
import dev.gantry.secrets.SecretVersionInfo;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Versioned secrets, addressed like Vault's KV v2: the operation, then the secret's path
 * ({@code team/service/environment/name}, slashes unescaped). The controller checks the token's scope; the vault
 * checks the owner's roles and audits every read, change and denial with the path, never with a value.
 */
@RestController
@RequestMapping("/api/v1/secrets")
class SecretsController {

    private static final String PATH = "The secret's path, team/service/environment/name, slashes unescaped";
    private static final int MAX_VERSIONS_PER_CALL = SecretVault.MAX_MAX_VERSIONS;

    /**
     * @param value the new value; JSON string, at most 64 KiB as UTF-8
     * @param cas   check-and-set: absent to write whatever the current version, 0 to create only, n to write only
     *              over version n
     */
    record WriteRequest(char @Nullable [] value, @Nullable Long cas) {

        @Override
        public String toString() {
            return "WriteRequest[value=hidden, cas=" + cas + "]";
        }
    }

    /** Fields left out keep their current value. */
    record ConfigureRequest(@Nullable String description, @Nullable Integer maxVersions) {
    }

    record VersionsRequest(@Nullable List<Long> versions) {
    }

    record RollbackRequest(@Nullable Long version) {
    }

    private final SecretVault vault;

    SecretsController(SecretVault vault) {
        this.vault = vault;
    }

    @GetMapping("/data/{*path}")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Read the current version of a secret, or version k",
            description = "The response carries the value and Cache-Control: no-store. A deleted or destroyed "
                    + "version answers 404.")
    @ApiResponse(responseCode = "200", content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = RevealedSecretJson.Document.class)))
    void read(@Parameter(description = PATH) @PathVariable String path,
              @Parameter(description = "0 or absent for the current version")
              @RequestParam(defaultValue = "0") long version,
              HttpServletResponse response) throws IOException {
        if (version < 0) {
            throw new InvalidInputException("version", "a version is 1 or more, or 0 for the current one");
        }
        RevealedSecretJson.write(vault.read(SecretPaths.fromUrl(path), version), response);
    }

    @PutMapping("/data/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Write a new version", description = "Body {\"value\": \"...\", \"cas\": n}. With cas, "
            + "the write happens only if the current version is n (0: only if the secret does not exist yet); "
            + "otherwise 409 with field cas.")
    SecretVersionInfo write(@Parameter(description = PATH) @PathVariable String path,
                            @RequestBody WriteRequest request) {
        char[] chars = request.value();
        if (chars == null) {
            throw new InvalidInputException("value", "send the value as {\"value\": \"...\"}");
        }
        SecretValue value = SecretValue.of(chars);
        try {
            return vault.write(SecretPaths.fromUrl(path), value, request.cas());
        } finally {
            value.wipe();
            Arrays.fill(chars, '\0');
        }
    }

    @PostMapping("/data/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Write a new version (same as PUT)")
    SecretVersionInfo writeByPost(@Parameter(description = PATH) @PathVariable String path,
                                  @RequestBody WriteRequest request) {
        return write(path, request);
    }

    @DeleteMapping("/data/{*path}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Soft-delete the current version", description = "Undelete brings it back.")
    void deleteCurrent(@Parameter(description = PATH) @PathVariable String path) {
        vault.delete(SecretPaths.fromUrl(path));
    }

    @GetMapping("/metadata")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "List secrets whose path starts with a prefix, by path, without values")
    PageResponse<SecretMetadata> list(@RequestParam(defaultValue = "") String prefix,
                                      @RequestParam(defaultValue = "0") int page,
                                      @RequestParam(defaultValue = "50") int size) {
        if (prefix.length() > SecretPaths.MAX_LENGTH) {
            throw new InvalidInputException("prefix", "at most " + SecretPaths.MAX_LENGTH + " characters");
        }
        return PageResponse.of(vault.list(prefix, PageResponse.request(page, size, Sort.by("path"))));
    }

    @GetMapping("/metadata/{*path}")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "A secret's metadata and version history, without values")
    SecretMetadata metadata(@Parameter(description = PATH) @PathVariable String path) {
        return vault.metadata(SecretPaths.fromUrl(path));
    }

    @PutMapping("/metadata/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Set the description and how many versions keep their values",
            description = "Body {\"description\": \"...\", \"maxVersions\": n}; versions beyond the newest n are "
                    + "destroyed at once.")
    SecretMetadata configure(@Parameter(description = PATH) @PathVariable String path,
                             @RequestBody ConfigureRequest request) {
        String canonical = SecretPaths.fromUrl(path);
        String description = request.description();
        Integer maxVersions = request.maxVersions();
        if (description == null || maxVersions == null) {
            SecretMetadata current = vault.metadata(canonical);
            description = description == null ? current.description() : description;
            maxVersions = maxVersions == null ? current.maxVersions() : maxVersions;
        }
        return vault.configure(canonical, description, maxVersions);
    }

    @PostMapping("/metadata/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Configure a secret (same as PUT)")
    SecretMetadata configureByPost(@Parameter(description = PATH) @PathVariable String path,
                                   @RequestBody ConfigureRequest request) {
        return configure(path, request);
    }

    @PostMapping("/delete/{*path}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Soft-delete versions", description = "Body {\"versions\": [1, 2]}; none: the current one.")
    void delete(@Parameter(description = PATH) @PathVariable String path,
                @RequestBody(required = false) @Nullable VersionsRequest request) {
        vault.delete(SecretPaths.fromUrl(path), versions(request, false));
    }

    @PostMapping("/undelete/{*path}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Bring soft-deleted versions back", description = "Body {\"versions\": [1, 2]}.")
    void undelete(@Parameter(description = PATH) @PathVariable String path,
                  @RequestBody(required = false) @Nullable VersionsRequest request) {
        vault.undelete(SecretPaths.fromUrl(path), versions(request, true));
    }

    @PostMapping("/destroy/{*path}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Remove the values of versions for good",
            description = "Body {\"versions\": [1, 2]}. The history keeps the versions, marked destroyed.")
    void destroy(@Parameter(description = PATH) @PathVariable String path,
                 @RequestBody(required = false) @Nullable VersionsRequest request) {
        vault.destroy(SecretPaths.fromUrl(path), versions(request, true));
    }

    @PostMapping("/rollback/{*path}")
    @PreAuthorize(SecretsAccess.WRITE)
    @Operation(summary = "Write an earlier version's value again as the new current version",
            description = "Body {\"version\": k}.")
    SecretVersionInfo rollback(@Parameter(description = PATH) @PathVariable String path,
                               @RequestBody(required = false) @Nullable RollbackRequest request) {
        Long version = request == null ? null : request.version();
        if (version == null || version < 1) {
            throw new InvalidInputException("version", "send the version to roll back to as {\"version\": k}");
        }
        return vault.rollback(SecretPaths.fromUrl(path), version);
    }

    private static long[] versions(@Nullable VersionsRequest request, boolean required) {
        List<Long> versions = request == null || request.versions() == null ? List.of() : request.versions();
        if (versions.isEmpty() && required) {
            throw new InvalidInputException("versions", "name the versions, e.g. {\"versions\": [3]}");
        }
        if (versions.size() > MAX_VERSIONS_PER_CALL) {
            throw new InvalidInputException("versions", "at most " + MAX_VERSIONS_PER_CALL + " versions per call");
        }
        if (versions.stream().anyMatch(v -> v == null || v < 1)) {
            throw new InvalidInputException("versions", "versions are numbers from 1");
        }
        return versions.stream().mapToLong(Long::longValue).toArray();
    }
}
