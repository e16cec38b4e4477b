/** The port every module writes its audit entries through; the tamper-evident store behind it lives in access. */
@NullMarked
package dev.gantry.domain.audit;

import org.jspecify.annotations.NullMarked;
