/**
 * Reproduces the shipped sentiment model from the external data sets (NSMC, MR, UCI sentences)
 * and the project's own customer-service sentences, with a fixed train/test split by rule and
 * every evaluation text kept out of training. Run {@link org.itinera.text.train.TrainShippedModel}
 * as documented in {@code docs/TEXT.md}.
 */
package org.itinera.text.train;
