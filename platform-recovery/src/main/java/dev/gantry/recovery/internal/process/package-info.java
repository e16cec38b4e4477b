/** Child processes (pg_dump, pg_restore, commands): started with secrets kept out of argv, killed with their descendants. */
@NullMarked
package dev.gantry.recovery.internal.process;

import org.jspecify.annotations.NullMarked;
