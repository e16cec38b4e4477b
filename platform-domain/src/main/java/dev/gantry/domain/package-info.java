/**
 * Gantry's shared kernel: the few types two or more feature modules need (roles, environments, severities,
 * the policy pack model, the audit port). Framework-free on purpose: it depends on the JDK and JSpecify only.
 */
@NullMarked
package dev.gantry.domain;

import org.jspecify.annotations.NullMarked;
