/**
 * Recovery: backup plans that write encrypted, signed archives of databases, directories and command output to
 * several locations, and restore drills that prove them restorable with evidence against the policy's RTO and
 * RPO. The root package is the API (services, records, events, ports); {@code internal} holds the archive format,
 * sources, scratch targets, processes and storage.
 */
@NullMarked
package dev.gantry.recovery;

import org.jspecify.annotations.NullMarked;
