/** The backup sources and scratch targets: databases (H2, PostgreSQL), directory trees and command streams. */
@NullMarked
package dev.gantry.recovery.internal.source;

import org.jspecify.annotations.NullMarked;
