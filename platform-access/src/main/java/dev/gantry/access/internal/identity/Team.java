package dev.gantry.access.internal.identity;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "access_team")
public class Team {

    @Id
    private UUID id;
    private String slug;
    private String name;
    private String description;
    @Column(name = "created_at")
    private Instant createdAt;

    protected Team() {
    }

    public Team(String slug, String name, String description, Instant now) {
        this.id = UUID.randomUUID();
        this.slug = slug;
        this.name = name;
        this.description = description;
        this.createdAt = now;
    }

    public void describe(String newName, String newDescription) {
        name = newName;
        description = newDescription;
    }

    public UUID id() { return id; }
    public String slug() { return slug; }
    public String name() { return name; }
    public String description() { return description; }
    public Instant createdAt() { return createdAt; }
}
