/**
 * Segmentation (PRACTICE §3): willingness × ability, grade A/B/C and situation tags from the delinquency state plus
 * promise, contact, payment and party history, driven by a {@link org.recoup.engine.segmentation.SegmentationPolicy};
 * every segment explains itself.
 */
package org.recoup.engine.segmentation;
