/**
 * Topics and pain points: recurring themes in a segment's texts, scored against the rest with
 * log-odds, grouped by shared words and co-occurrence, each with customers mentioning it, share
 * negative, trend, association with an outcome, and quotes; ranked by a lower confidence bound
 * so that a term two customers used cannot outrank one two hundred did. Entry point:
 * {@link org.itinera.text.topic.TopicAnalysis}.
 */
package org.itinera.text.topic;
