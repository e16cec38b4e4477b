package dev.gantry.api.secrets;

import java.util.List;

import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RekeyOutcome;
import dev.gantry.secrets.RekeyStatus;
import dev.gantry.secrets.RewrapStatus;
import dev.gantry.secrets.RootKeyRewrap;
import dev.gantry.secrets.SealStatus;
import dev.gantry.secrets.UnsealMode;
import dev.gantry.secrets.UnsealShares;
import dev.gantry.secrets.VaultSeal;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The vault's seal on this node. Anyone with {@code secrets:read} may see whether it is sealed (a script waiting
 * for it, or explaining a 503); changing it needs {@code secrets:seal} and the role {@code SECRETS_ADMIN}.
 */
@RestController
@RequestMapping("/api/v1/secrets")
class VaultSealController {

    private static final String SEAL_ADMIN = "hasAuthority('SCOPE_secrets:seal') and hasRole('SECRETS_ADMIN')";

    record InitRequest(@Nullable Integer shares, @Nullable Integer threshold) {
    }

    /** Shown once: Gantry keeps none of the shares. */
    record InitResponse(List<String> shares, int threshold) {

        @Override
        public String toString() {
            return "InitResponse[" + shares.size() + " shares, threshold=" + threshold + "]";
        }
    }

    record UnsealRequest(@Nullable String share) {

        @Override
        public String toString() {
            return "UnsealRequest[share=hidden]";
        }
    }

    record RotateResponse(int keyVersion) {
    }

    record RekeySubmitRequest(@Nullable String nonce, @Nullable String share) {

        @Override
        public String toString() {
            return "RekeySubmitRequest[nonce=" + nonce + ", share=hidden]";
        }
    }

    /** {@code shares} only when completed, and only in this response. */
    record RekeyResponse(boolean completed, @Nullable RekeyStatus status, @Nullable List<String> shares,
            @Nullable Integer threshold) {

        @Override
        public String toString() {
            return "RekeyResponse[completed=" + completed + "]";
        }
    }

    record MinVersionRequest(@Nullable Integer version) {
    }

    private final VaultSeal seal;
    private final VaultUnsealing unsealing;
    private final RootKeyRewrap rewrap;

    VaultSealController(VaultSeal seal, VaultUnsealing unsealing, RootKeyRewrap rewrap) {
        this.seal = seal;
        this.unsealing = unsealing;
        this.rewrap = rewrap;
    }

    @GetMapping("/seal-status")
    @PreAuthorize(SecretsAccess.READ)
    @Operation(summary = "Whether the vault is initialised and sealed, its unseal mode and the progress of an unseal")
    SealStatus status() {
        return seal.status();
    }

    @PostMapping("/init")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Initialise the vault with n unseal shares, t of which unseal it",
            description = "Body {\"shares\": 5, \"threshold\": 3}. The response holds the shares, this once. "
                    + "Only for a vault that unseals with shares (gantry.secrets.unseal.mode=shamir); a key-file "
                    + "vault initialises itself at start-up and answers 409.")
    InitResponse initialise(@RequestBody InitRequest request, HttpServletResponse response) {
        if (request.shares() == null || request.threshold() == null) {
            throw new InvalidInputException(request.shares() == null ? "shares" : "threshold",
                    "send {\"shares\": n, \"threshold\": t}");
        }
        UnsealShares shares = seal.initialise(request.shares(), request.threshold());
        RevealedSecretJson.noStore(response);
        return new InitResponse(shares.shares(), shares.threshold());
    }

    @PostMapping("/unseal")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Submit one unseal share, or unseal from the key file",
            description = "Body {\"share\": \"...\"}: counts towards the threshold; at the threshold the vault "
                    + "unseals, or answers 400 with field share and starts counting again if the shares do not "
                    + "open it. A vault that unseals from its key file takes an empty body.")
    SealStatus unseal(@RequestBody(required = false) @Nullable UnsealRequest request) {
        String share = request == null ? null : request.share();
        if (share != null && !share.isBlank()) {
            return seal.submitShare(share);
        }
        if (unsealsWithShares(seal.status())) {
            throw new InvalidInputException("share", "send one unseal share as {\"share\": \"...\"}");
        }
        return unsealing.unsealFromKeyFile();
    }

    @PostMapping("/unseal/reset")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Forget the shares submitted so far")
    SealStatus resetUnseal() {
        return seal.resetUnseal();
    }

    @PostMapping("/seal")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Seal the vault on this node: the root key leaves memory, every secret call answers 503")
    SealStatus sealNow() {
        seal.seal();
        return seal.status();
    }

    @PostMapping("/root-key/rotate")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Add a root key version; new writes use it, older versions stay readable")
    RotateResponse rotateRootKey() {
        return new RotateResponse(seal.rotateRootKey());
    }

    @GetMapping("/rekey/status")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "The rekey in progress on this node, if any: new split and shares submitted so far")
    RekeyStatus rekeyStatus() {
        return seal.rekeyStatus();
    }

    @PostMapping("/rekey/start")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Start replacing the unseal shares",
            description = "Body {\"shares\": 5, \"threshold\": 3}: the new split. Returns the nonce that every "
                    + "holder submits with their current share, on this node. 409 (field rekey) if one is running.")
    RekeyStatus startRekey(@RequestBody InitRequest request) {
        if (request.shares() == null || request.threshold() == null) {
            throw new InvalidInputException(request.shares() == null ? "shares" : "threshold",
                    "send {\"shares\": n, \"threshold\": t}");
        }
        return seal.startRekey(request.shares(), request.threshold());
    }

    @PostMapping("/rekey/submit")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Submit one current share towards the rekey",
            description = "Body {\"nonce\": \"...\", \"share\": \"...\"}. Below the threshold: completed false "
                    + "and the progress. At the threshold: completed true and the new shares, this once; the old "
                    + "shares open nothing any more. Shares that do not open the vault: 400 (field share), progress "
                    + "reset.")
    RekeyResponse submitRekeyShare(@RequestBody RekeySubmitRequest request, HttpServletResponse response) {
        if (request.nonce() == null || request.nonce().isBlank()) {
            throw new InvalidInputException("nonce", "send the nonce the rekey was started with");
        }
        if (request.share() == null || request.share().isBlank()) {
            throw new InvalidInputException("share", "send one current unseal share");
        }
        return switch (seal.submitRekeyShare(request.nonce(), request.share())) {
            case RekeyOutcome.Pending pending -> new RekeyResponse(false, pending.status(), null, null);
            case RekeyOutcome.Completed completed -> {
                RevealedSecretJson.noStore(response);
                yield new RekeyResponse(true, null, completed.shares().shares(), completed.shares().threshold());
            }
        };
    }

    @PostMapping("/rekey/cancel")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Abandon the rekey in progress; the current shares stay valid")
    RekeyStatus cancelRekey() {
        return seal.cancelRekey();
    }

    @GetMapping("/rewrap/status")
    @PreAuthorize(SecretsAccess.PEOPLE_READ)
    @Operation(summary = "How far stored keys have moved under the newest root key version",
            description = "For SECRETS_ADMIN and AUDITOR. The RootKeyRewrapJob moves them in batches every minute.")
    RewrapStatus rewrapStatus() {
        return rewrap.status();
    }

    @PostMapping("/rewrap/min-decryption-version")
    @PreAuthorize(SEAL_ADMIN)
    @Operation(summary = "Refuse root key versions below this one from now on",
            description = "Body {\"version\": n}. Only once the rewrap to a version at least n is complete: "
                    + "otherwise 409 (field version) with how many keys still need an older version.")
    RewrapStatus raiseMinDecryptionVersion(@RequestBody MinVersionRequest request) {
        if (request.version() == null) {
            throw new InvalidInputException("version", "send {\"version\": n}");
        }
        return rewrap.raiseMinDecryptionVersion(request.version());
    }

    private boolean unsealsWithShares(SealStatus status) {
        return status.initialised() ? status.mode() == UnsealMode.SHAMIR
                : unsealing.configuredMode() == UnsealMode.SHAMIR;
    }
}
