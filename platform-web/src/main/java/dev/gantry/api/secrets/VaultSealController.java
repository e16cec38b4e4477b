package dev.gantry.api.secrets;

import java.util.List;

import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.InvalidInputException;
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

    private final VaultSeal seal;
    private final VaultUnsealing unsealing;

    VaultSealController(VaultSeal seal, VaultUnsealing unsealing) {
        this.seal = seal;
        this.unsealing = unsealing;
    }

    @GetMapping("/seal-status")
    @PreAuthorize("hasAuthority('SCOPE_secrets:read')")
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

    private boolean unsealsWithShares(SealStatus status) {
        return status.initialised() ? status.mode() == UnsealMode.SHAMIR
                : unsealing.configuredMode() == UnsealMode.SHAMIR;
    }
}
