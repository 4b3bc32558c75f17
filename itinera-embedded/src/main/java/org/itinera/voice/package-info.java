/**
 * The voice of the customer: what customers say in reviews, tickets, chats and surveys, as themes
 * (topics), sentiment, emotion and their own quotes, filtered by period, journey stage, channel,
 * topic, emotion, sentiment, language and words. Reads the text analytics results stored with each
 * event; the stage comes from the caller as a SQL expression ({@code StageColumn}).
 * {@link org.itinera.voice.SegmentTopics} finds the themes and pain points of a segment (journey
 * stage, channel, period, traits) with their link to conversion or churn; {@link
 * org.itinera.voice.RatedTexts} turns rated texts into weak labels for training.
 */
package org.itinera.voice;
