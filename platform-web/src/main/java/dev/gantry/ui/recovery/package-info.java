/**
 * The recovery portal: compliance per service, backup plans and their points, drill plans with their evidence and
 * charts of achieved RTO and RPO against the objectives, and the runs in progress.
 */
@NullMarked
package dev.gantry.ui.recovery;

import org.jspecify.annotations.NullMarked;
