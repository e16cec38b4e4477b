/**
 * Access: who may do what in Gantry. This root package is the module's API (services, the records they return,
 * events); everything under {@code internal} is private to the module.
 */
@NullMarked
package dev.gantry.access;

import org.jspecify.annotations.NullMarked;
