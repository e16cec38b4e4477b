package dev.gantry.secrets.internal.store;

import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import org.springframework.data.domain.Persistable;

/**
 * An entity whose id Gantry gives, not the database, and which therefore says itself whether it is new: Spring Data
 * would otherwise take every instance with an id for a stored one and merge it, which reads the row by id first (a
 * wasted read on every secret write) and, for an id such as a policy's name, merges into a row someone else created
 * meanwhile instead of failing.
 */
@MappedSuperclass
public abstract class AssignedIdEntity<ID> implements Persistable<ID> {

    @Transient
    private boolean fresh;

    /** @param fresh true for an instance made to be inserted, false for the one JPA makes to load a row into */
    protected AssignedIdEntity(boolean fresh) {
        this.fresh = fresh;
    }

    @PostLoad
    @PostPersist
    void stored() {
        this.fresh = false;
    }

    @Override
    public boolean isNew() {
        return fresh;
    }
}
