package dev.gantry.ui.secrets;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;

/** What a sealed vault means and who can open it, in place of the secrets it cannot show. */
final class SealedNotice extends Div {

    SealedNotice() {
        addClassName("gantry-card");
        // A card grows with its flex container; this one says its piece and keeps its height.
        getStyle().set("flex", "none");
        setId("vault-sealed");
        H3 title = new H3(VaadinIcon.LOCK.create(), new Span(" The vault is sealed"));
        add(title, new Paragraph("No secret can be listed, read or written on this node until the vault is "
                + "unsealed: its root key is not in memory. That happens after a restart of a vault that unseals "
                + "with shares, or when an administrator sealed it."));
        if (SecretRoles.mayAdminister()) {
            add(new Paragraph(new Span("Unseal it under "),
                    new Anchor("secrets/seal", "Vault seal"),
                    new Span(": enough share holders each enter their share, or, "
                            + "on a node that unseals from its key file, press ‘Unseal from key file’.")));
        } else {
            add(new Paragraph("Ask a secrets administrator to unseal it: in the portal under Vault seal, or with "
                    + "POST /api/v1/secrets/unseal. With shares, enough holders must each submit theirs."));
        }
    }
}
