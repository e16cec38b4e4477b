@NullMarked
package dev.gantry.access.internal.catalog;

import org.jspecify.annotations.NullMarked;
