package dev.gantry.access;

import java.util.UUID;

public record TeamView(UUID id, String slug, String name, String description, long members) {
}
