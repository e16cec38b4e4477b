package dev.gantry.secrets.internal.policy;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The single row whose value changes with every change of policies or grants. */
@Entity
@Table(name = "secret_policy_stamp")
public class PolicyStampEntity {

    @Id
    private int id;

    private long stamp;

    protected PolicyStampEntity() {
    }

    public long stamp() {
        return stamp;
    }
}
