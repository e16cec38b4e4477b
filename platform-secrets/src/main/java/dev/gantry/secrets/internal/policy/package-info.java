/**
 * Path-based access policies: globs over secret paths, compiled rules, the built-in policies that roles and team
 * membership imply, and the cached snapshot of stored policies and grants every permission check evaluates.
 */
@NullMarked
package dev.gantry.secrets.internal.policy;

import org.jspecify.annotations.NullMarked;
