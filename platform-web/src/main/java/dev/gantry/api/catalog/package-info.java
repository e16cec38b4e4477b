@NullMarked
package dev.gantry.api.catalog;

import org.jspecify.annotations.NullMarked;
