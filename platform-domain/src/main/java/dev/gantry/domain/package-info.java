/**
 * Gantry's shared kernel: the few types two or more feature modules need (roles, environments, severities,
 * the policy pack model, the audit port). Framework-free on purpose: it depends on the JDK, JSpecify, SnakeYAML for
 * policy packs, and Spring Modulith's annotations (no runtime code) to declare itself an open module.
 */
@NullMarked
@ApplicationModule(displayName = "Shared kernel", type = ApplicationModule.Type.OPEN)
package dev.gantry.domain;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
