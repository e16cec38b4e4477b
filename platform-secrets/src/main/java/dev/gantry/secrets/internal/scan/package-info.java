/** Scanning a git repository's history for leaked secrets: rules, entropy, managed values, runs and findings. */
@NullMarked
package dev.gantry.secrets.internal.scan;

import org.jspecify.annotations.NullMarked;
