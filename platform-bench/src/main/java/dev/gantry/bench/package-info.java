/** JMH benchmarks; each benchmark class starts what it measures on a fresh H2 file database. */
@NullMarked
package dev.gantry.bench;

import org.jspecify.annotations.NullMarked;
