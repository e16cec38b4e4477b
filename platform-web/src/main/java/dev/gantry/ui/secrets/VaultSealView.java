package dev.gantry.ui.secrets;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import dev.gantry.config.VaultUnsealing;
import dev.gantry.domain.ConflictException;
import dev.gantry.domain.InvalidInputException;
import dev.gantry.secrets.RekeyOutcome;
import dev.gantry.secrets.RekeyStatus;
import dev.gantry.secrets.RewrapStatus;
import dev.gantry.secrets.RootKeyRewrap;
import dev.gantry.secrets.SealStatus;
import dev.gantry.secrets.UnsealMode;
import dev.gantry.secrets.UnsealShares;
import dev.gantry.secrets.VaultSeal;
import dev.gantry.ui.components.Notifications;
import dev.gantry.ui.components.OneTimeSecretDialog;
import jakarta.annotation.security.RolesAllowed;

/**
 * The vault's seal on this node, for secrets administrators: where it stands, initialising it with shares (shown
 * once), entering shares one by one with the progress towards the threshold, and sealing it again; once unsealed,
 * rekeying to new shares (ADR 8), rotating the root key, rewrapping stored keys under it with progress, and
 * raising the minimum decryption version once nothing needs an older one.
 */
@Route("secrets/seal")
@PageTitle("Vault seal · Gantry")
@Menu(order = 31, title = "Vault seal", icon = "SAFE_LOCK")
@RolesAllowed("SECRETS_ADMIN")
class VaultSealView extends VerticalLayout {

    private final VaultSeal seal;
    private final VaultUnsealing unsealing;
    private final RootKeyRewrap rewrap;
    private final Div content = new Div();

    VaultSealView(VaultSeal seal, VaultUnsealing unsealing, RootKeyRewrap rewrap) {
        this.seal = seal;
        this.unsealing = unsealing;
        this.rewrap = rewrap;
        addClassName("gantry-page");
        content.setWidthFull();
        add(content);
        refresh();
    }

    private void refresh() {
        content.removeAll();
        SealStatus status = seal.status();
        FlexLayout cards = new FlexLayout(statusCard(status), actionCard(status));
        if (status.initialised() && !status.sealed()) {
            if (status.mode() == UnsealMode.SHAMIR) {
                cards.add(rekeyCard());
            }
            cards.add(rewrapCard());
        }
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        content.add(cards);
    }

    private Div statusCard(SealStatus status) {
        Div card = card("This node's vault");
        Span state = new Span(!status.initialised() ? "not initialised" : status.sealed() ? "sealed" : "unsealed");
        state.setId("seal-state");
        state.addClassName(status.initialised() && !status.sealed() ? "gantry-ok" : "gantry-bad");
        card.add(new Paragraph(new Span("State: "), state));
        if (status.initialised()) {
            card.add(new Paragraph(status.mode() == UnsealMode.SHAMIR
                    ? "Unseals with shares: " + status.threshold() + " of " + status.shares() + " holders."
                    : "Unseals from its key file at every start of Gantry."));
        } else {
            card.add(new Paragraph(unsealing.configuredMode() == UnsealMode.SHAMIR
                    ? "Configured to unseal with shares: initialise it to hand them out."
                    : "Configured to unseal from a key file: Gantry initialises it at start-up."));
        }
        Paragraph perNode = new Paragraph("The seal is per node: each node of a cluster is unsealed on its own.");
        perNode.addClassName("gantry-muted");
        card.add(perNode);
        return card;
    }

    private Div actionCard(SealStatus status) {
        if (!status.initialised()) {
            return unsealing.configuredMode() == UnsealMode.SHAMIR ? initialiseCard() : keyFileCard();
        }
        if (!status.sealed()) {
            return unsealedCard();
        }
        return status.mode() == UnsealMode.SHAMIR ? unsealCard(status) : keyFileCard();
    }

    private Div initialiseCard() {
        Div card = card("Initialise");
        IntegerField shares = new IntegerField("Shares (n)");
        shares.setId("init-shares");
        shares.setMin(1);
        shares.setMax(VaultSeal.MAX_SHARES);
        shares.setValue(5);
        shares.setStepButtonsVisible(true);
        IntegerField threshold = new IntegerField("Needed to unseal (t)");
        threshold.setId("init-threshold");
        threshold.setMin(1);
        threshold.setValue(3);
        threshold.setStepButtonsVisible(true);
        Button initialise = new Button("Initialise", VaadinIcon.KEY.create(), e -> {
            try {
                UnsealShares handedOut = seal.initialise(value(shares), value(threshold));
                refresh();
                new OneTimeSecretDialog("Unseal shares",
                        "Give each share to a different person, shown only now: Gantry keeps none of them. Any "
                                + handedOut.threshold() + " of them unseal the vault after every restart.",
                        String.join("\n", handedOut.shares())).open();
            } catch (InvalidInputException invalid) {
                IntegerField field = "threshold".equals(invalid.field()) ? threshold : shares;
                field.setInvalid(true);
                field.setErrorMessage(invalid.getMessage());
            } catch (ConflictException alreadyDone) {
                Notifications.refused(alreadyDone.getMessage());
                refresh();
            }
        });
        initialise.setId("initialise-vault");
        initialise.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new Paragraph("Creates the root key and splits the unseal key into n shares, t of which unseal."),
                sharesAndThreshold(shares, threshold), initialise);
        return card;
    }

    private Div unsealCard(SealStatus status) {
        Div card = card("Unseal");
        ProgressBar progress = new ProgressBar(0, status.threshold(), status.progress());
        progress.setId("unseal-progress-bar");
        Span counter = new Span(status.progress() + " of " + status.threshold() + " shares entered");
        counter.setId("unseal-progress");
        PasswordField share = new PasswordField("Your unseal share");
        share.setId("unseal-share");
        share.setWidthFull();
        share.setRevealButtonVisible(false);
        Button submit = new Button("Submit share", VaadinIcon.UNLOCK.create(), e -> {
            String given = share.getValue();
            share.clear();
            try {
                SealStatus after = seal.submitShare(given);
                Notifications.done(after.sealed() ? "Share accepted" : "The vault is unsealed");
                refresh();
            } catch (InvalidInputException refused) {
                Notifications.refused(refused.getMessage());
                refresh();
            }
        });
        submit.setId("submit-share");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button reset = new Button("Reset progress", e -> {
            seal.resetUnseal();
            refresh();
        });
        reset.setId("reset-unseal");
        card.add(new Paragraph("Each holder enters their own share; the vault opens at the threshold."),
                progress, counter, share, new HorizontalLayout(submit, reset));
        return card;
    }

    private Div keyFileCard() {
        Div card = card("Unseal from key file");
        Button unseal = new Button("Unseal from key file", VaadinIcon.UNLOCK.create(), e -> {
            try {
                unsealing.unsealFromKeyFile();
                Notifications.done("The vault is unsealed");
            } catch (ConflictException refused) {
                Notifications.refused(refused.getMessage());
            }
            refresh();
        });
        unseal.setId("unseal-key-file");
        unseal.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        card.add(new Paragraph("This node reads its unseal key from the key file under its data directory."),
                unseal);
        return card;
    }

    private Div unsealedCard() {
        Div card = card("Seal");
        Button sealNow = new Button("Seal now", VaadinIcon.LOCK.create(), e -> {
            ConfirmDialog confirm = new ConfirmDialog("Seal the vault on this node?",
                    "Every secret read and write on this node fails until the vault is unsealed again"
                            + (seal.status().mode() == UnsealMode.SHAMIR ? ", which needs enough share holders."
                            : "."), "Seal", ok -> {
                        seal.seal();
                        Notifications.done("The vault is sealed");
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        sealNow.setId("seal-vault");
        sealNow.addThemeVariants(ButtonVariant.LUMO_ERROR);
        Button rotate = new Button("Rotate root key", VaadinIcon.REFRESH.create(), e -> {
            int version = seal.rotateRootKey();
            Notifications.done("New writes use root key version " + version
                    + "; rewrap the stored keys to stop depending on older versions");
            refresh();
        });
        rotate.setId("rotate-root-key");
        card.add(new Paragraph("Seal the vault if you suspect this node is compromised: the root key leaves its "
                + "memory at once."), new HorizontalLayout(sealNow, rotate));
        return card;
    }

    private Div rekeyCard() {
        Div card = card("Rekey: new shares");
        card.setId("rekey-card");
        RekeyStatus status = seal.rekeyStatus();
        if (!status.inProgress()) {
            IntegerField shares = new IntegerField("New shares (n)");
            shares.setId("rekey-shares");
            shares.setValue(5);
            shares.setMin(1);
            shares.setMax(VaultSeal.MAX_SHARES);
            shares.setStepButtonsVisible(true);
            IntegerField threshold = new IntegerField("Needed (t)");
            threshold.setId("rekey-threshold");
            threshold.setValue(3);
            threshold.setMin(1);
            threshold.setStepButtonsVisible(true);
            Button start = new Button("Start rekey", VaadinIcon.KEY.create(), e -> {
                try {
                    seal.startRekey(value(shares), value(threshold));
                    refresh();
                } catch (InvalidInputException invalid) {
                    IntegerField field = "threshold".equals(invalid.field()) ? threshold : shares;
                    field.setInvalid(true);
                    field.setErrorMessage(invalid.getMessage());
                } catch (ConflictException conflict) {
                    Notifications.refused(conflict.getMessage());
                    refresh();
                }
            });
            start.setId("start-rekey");
            card.add(new Paragraph("Replaces the unseal shares: holders of the current shares enter theirs, then "
                    + "the new ones are shown once. The old shares open nothing afterwards."),
                    sharesAndThreshold(shares, threshold), start);
            return card;
        }
        ProgressBar progress = new ProgressBar(0, status.required(), status.progress());
        progress.setId("rekey-progress-bar");
        Span counter = new Span(status.progress() + " of " + status.required() + " current shares entered, for "
                + status.newShares() + " new shares with threshold " + status.newThreshold());
        counter.setId("rekey-progress");
        PasswordField share = new PasswordField("A current unseal share");
        share.setId("rekey-share");
        share.setWidthFull();
        share.setRevealButtonVisible(false);
        String nonce = status.nonce();
        Button submit = new Button("Submit share", VaadinIcon.UNLOCK.create(), e -> {
            String given = share.getValue();
            share.clear();
            try {
                RekeyOutcome outcome = seal.submitRekeyShare(nonce == null ? "" : nonce, given);
                refresh();
                if (outcome instanceof RekeyOutcome.Completed completed) {
                    new OneTimeSecretDialog("New unseal shares",
                            "The vault is rekeyed: the old shares open nothing. Give each new share to a different "
                                    + "person, shown only now. Any " + completed.shares().threshold()
                                    + " of them unseal the vault.",
                            String.join("\n", completed.shares().shares())).open();
                } else {
                    Notifications.done("Share accepted");
                }
            } catch (InvalidInputException | ConflictException refused) {
                Notifications.refused(refused.getMessage());
                refresh();
            }
        });
        submit.setId("submit-rekey-share");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel rekey", e -> {
            seal.cancelRekey();
            refresh();
        });
        cancel.setId("cancel-rekey");
        card.add(progress, counter, share, new HorizontalLayout(submit, cancel));
        return card;
    }

    private Div rewrapCard() {
        Div card = card("Root key versions");
        card.setId("rewrap-card");
        RewrapStatus status = rewrap.status();
        ProgressBar progress = new ProgressBar(0, Math.max(1, status.total()), status.total() == 0 ? 1
                : status.done());
        progress.setId("rewrap-progress-bar");
        Span counter = new Span(status.done() + " of " + status.total() + " stored keys under root key version "
                + status.targetKeyVersion());
        counter.setId("rewrap-progress");
        Paragraph versions = new Paragraph("Oldest version still in use: " + status.lowestKeyVersionInUse()
                + " · minimum decryption version: " + status.minDecryptionVersion());
        versions.addClassName("gantry-muted");
        Button batch = new Button("Rewrap " + RootKeyRewrap.DEFAULT_BATCH + " keys", VaadinIcon.REFRESH.create(),
                e -> {
                    RewrapStatus after = rewrap.runBatch();
                    Notifications.done(after.complete() ? "Every stored key is under version "
                            + after.targetKeyVersion() : after.pending() + " keys left to rewrap");
                    refresh();
                });
        batch.setId("rewrap-batch");
        batch.setEnabled(!status.complete());
        int raiseTo = status.lowestKeyVersionInUse();
        Button raise = new Button("Refuse versions below " + raiseTo, VaadinIcon.BAN.create(), e -> {
            ConfirmDialog confirm = new ConfirmDialog("Raise the minimum decryption version to " + raiseTo + "?",
                    "Data under an older root key version, such as rows restored from an old backup, will be "
                            + "refused. This cannot be lowered again.", "Raise", ok -> {
                        try {
                            rewrap.raiseMinDecryptionVersion(raiseTo);
                            Notifications.done("Root key versions below " + raiseTo + " are refused now");
                        } catch (InvalidInputException | ConflictException refused) {
                            Notifications.refused(refused.getMessage());
                        }
                        refresh();
                    });
            confirm.setCancelable(true);
            confirm.setConfirmButtonTheme("error primary");
            confirm.open();
        });
        raise.setId("raise-min-decryption");
        raise.setEnabled(status.complete() && raiseTo > status.minDecryptionVersion());
        card.add(new Paragraph("After a root key rotation, rewrap moves each stored data key under the newest "
                + "version without decrypting any value."), progress, counter, versions,
                new HorizontalLayout(batch, raise));
        return card;
    }

    /**
     * n and t side by side while the card is wide enough, one above the other in a narrow card (a phone, a
     * crowded window), each filling its column so neither runs past the card's edge; an error under one field
     * does not push the other.
     */
    private static FormLayout sharesAndThreshold(IntegerField shares, IntegerField threshold) {
        FormLayout form = new FormLayout(shares, threshold);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1),
                new FormLayout.ResponsiveStep("22em", 2));
        return form;
    }

    private static int value(IntegerField field) {
        return field.getValue() == null ? 0 : field.getValue();
    }

    private static Div card(String title) {
        Div card = new Div(new H3(title));
        card.addClassName("gantry-card");
        return card;
    }
}
